/** What the activity log's sentences are made of: text and names, and field-by-field changes. */
export type Segment = string | { name: string };

export interface FieldChange {
  field: string;
  /** "Start date" */
  label: string;
  from: string;
  to: string;
}

export interface ActivityDescription {
  /** What the actor did, without the actor: "moved ‘Card vault’". */
  sentence: Segment[];
  /** Field by field, for updates. */
  fields: FieldChange[];
  /** The start of a comment, when the entry carries it. */
  excerpt: string | null;
}

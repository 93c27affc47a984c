/** The timeline drawn: a picture (SVG, PNG), a landscape PDF, or a PowerPoint deck. No imports: safe in browser code. */
export const PICTURE_FORMATS = ["svg", "png", "pdf", "pptx"] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

export const PICTURE_SCALES = ["months", "quarters"] as const;
export type PictureScale = (typeof PICTURE_SCALES)[number];

export { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";

import { defineEndpoint } from "../endpoint";
import { PICTURE_MEDIA_TYPES, sharedExportQuerySchema } from "../pictures";

export const getSharedExport = defineEndpoint({
  method: "GET",
  path: "/api/share/{token}/export",
  summary:
    "A share link's timeline as svg, png, pdf or pptx, for the link's audience only (another audience: 404), without sign-in; 410 once expired or revoked",
  tag: "Stakeholder communication",
  auth: "none",
  query: sharedExportQuerySchema,
  produces: Object.values(PICTURE_MEDIA_TYPES),
  errors: ["share_link_gone", "outside_horizon", "too_large_for_picture"],
});

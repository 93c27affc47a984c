import type { Endpoint } from "../endpoint";
import * as accounts from "./accounts";
import * as collaboration from "./collaboration";
import * as communication from "./communication";
import * as delivery from "./delivery";
import * as learning from "./learning";
import * as meta from "./meta";
import * as pictures from "./pictures";
import * as replanning from "./replanning";
import * as resources from "./resources";
import * as teams from "./teams";
import * as timeline from "./timeline";

export {
  accounts,
  collaboration,
  communication,
  delivery,
  learning,
  meta,
  pictures,
  replanning,
  resources,
  teams,
  timeline,
};

/** Every operation of the API, for the OpenAPI document and the route-coverage test. */
export const allEndpoints: Endpoint[] = [
  ...Object.values(accounts),
  ...Object.values(teams),
  ...Object.values(timeline),
  ...Object.values(collaboration),
  ...Object.values(resources),
  ...Object.values(communication),
  ...Object.values(pictures),
  ...Object.values(learning),
  // #8 in progress: operations join as their routes land.
  replanning.listPhases,
  replanning.createPhase,
  replanning.updatePhase,
  replanning.deletePhase,
  replanning.decideGate,
  replanning.autoSchedule,
  replanning.undoAutoSchedule,
  replanning.listScenarios,
  replanning.createScenario,
  replanning.compareScenario,
  replanning.applyScenario,
  replanning.discardScenario,
  // #17 in progress: operations join as their routes land.
  delivery.getNotificationSettings,
  delivery.updateNotificationSettings,
  delivery.requestPasswordReset,
  delivery.confirmPasswordReset,
  delivery.listOutbox,
  delivery.unsubscribe,
  delivery.listWebhooks,
  delivery.createWebhook,
  delivery.updateWebhook,
  delivery.deleteWebhook,
  delivery.listWebhookDeliveries,
  delivery.sendWebhookTest,
  ...Object.values(meta),
] as Endpoint[];

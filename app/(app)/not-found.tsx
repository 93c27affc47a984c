import { NotFoundMessage } from "@/components/feedback/not-found-message";

export default function AppNotFound() {
  return <NotFoundMessage />;
}

import { NotFoundMessage } from "@/components/errors/not-found-message";

export default function AppNotFound() {
  return <NotFoundMessage />;
}

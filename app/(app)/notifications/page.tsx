import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { NotificationsCenter } from "@/components/notifications/notifications-center";
import { requirePageActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ filter?: string | string[] }>;
}) {
  const { filter } = await searchParams;
  const unread = filter === "unread";
  await requirePageActor(unread ? "/notifications?filter=unread" : "/notifications");
  return (
    <PageContainer className="max-w-3xl">
      <NotificationsCenter filter={unread ? "unread" : "all"} />
    </PageContainer>
  );
}

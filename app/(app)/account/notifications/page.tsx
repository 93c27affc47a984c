import type { Metadata } from "next";
import { NotificationSettingsCard } from "@/components/account/notification-settings-card";
import { PageContainer } from "@/components/app-shell/page-container";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/session";
import { getNotificationSettings } from "@/lib/services/mail/settings";

export const metadata: Metadata = { title: "Email notifications" };

export default async function NotificationSettingsPage() {
  const { actor, db } = await requirePageActor("/account/notifications");
  const settings = await getNotificationSettings(db, actor);
  return (
    <PageContainer>
      <PageHeader
        title="Email notifications"
        description={`What Cairn emails to ${actor.email}. The bell in the header shows everything either way.`}
      />
      <div className="flex max-w-4xl flex-col gap-6">
        <NotificationSettingsCard initial={settings} />
      </div>
    </PageContainer>
  );
}

import nodemailer from "nodemailer";
import { EMAIL_SETTING_KINDS } from "@/lib/validation/delivery-kinds";
import type { SendMail } from "@/lib/services/mail/deliver";
import { emailText } from "@/lib/services/mail/messages";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { emailHtml } from "./email-html";
import { unsubscribeToken } from "./unsubscribe-token";

/** Kinds a member can turn off, each from its own mail: the on/off kinds and the digest. */
const UNSUBSCRIBABLE: readonly string[] = [...EMAIL_SETTING_KINDS, "digest"];

/** The sender: MAIL_FROM, or a no-reply address at the app's host. */
export function mailFrom(): string {
  return process.env.MAIL_FROM ?? `Cairn <no-reply@${new URL(appOrigin()).hostname}>`;
}

/**
 * Sends through SMTP_URL (nodemailer), or without it writes the message to the server log, so a
 * newcomer sees what would be sent (the outbox keeps it as "logged"). Kinds a user can turn off
 * carry a signed one-click List-Unsubscribe (RFC 8058) in the headers and at the foot.
 */
export function mailSender(smtpUrl = process.env.SMTP_URL): SendMail {
  const transport = smtpUrl
    ? nodemailer.createTransport(smtpUrl, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      })
    : null;
  return async (message) => {
    const canTurnOff = message.userId && UNSUBSCRIBABLE.includes(message.kind);
    const token = canTurnOff ? encodeURIComponent(unsubscribeToken(message.userId!, message.kind)) : null;
    // Mail clients POST the header's address (one click); a person clicking the link at the foot
    // gets the /unsubscribe page, which asks before it POSTs.
    const unsubscribeUrl = token && `${appOrigin()}/api/unsubscribe?token=${token}`;
    const content = {
      ...message.content,
      unsubscribeUrl: token && `${appOrigin()}/unsubscribe?token=${token}`,
    };
    const text = emailText(content);
    if (!transport) {
      console.info(`[mail] (no SMTP_URL: logged, not sent) to ${message.to}: ${message.subject}\n${text}`);
      return "logged";
    }
    await transport.sendMail({
      from: mailFrom(),
      to: message.to,
      subject: message.subject,
      text,
      html: emailHtml(content),
      // Stable per outbox row: a receiving server can drop a duplicate of a retried send.
      messageId: `<${message.id}@cairn.outbox>`,
      headers: unsubscribeUrl
        ? { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : {},
    });
    return "sent";
  };
}

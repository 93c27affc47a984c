"use client";

import { UserAvatar } from "@/components/ui/avatar";
import { KeyIcon, LogOutIcon, MailIcon, ShieldIcon } from "@/components/ui/icons";
import { Menu, MenuButtonItem, MenuLinkItem, MenuSeparator } from "@/components/ui/menu";
import { SignOutForm, type SignOutAction } from "./sign-out-form";

export function UserMenu({
  user,
  signOutAction,
}: {
  user: { name: string; email: string };
  signOutAction: SignOutAction;
}) {
  return (
    <Menu
      label="Account"
      align="end"
      triggerClassName="flex size-9 items-center justify-center rounded-full hover:bg-subtle aria-expanded:bg-subtle"
      trigger={
        <>
          <UserAvatar name={user.name} tone="strong" />
          <span className="sr-only">Account menu for {user.name}</span>
        </>
      }
    >
      <div className="px-2.5 pt-2 pb-2.5">
        <p className="truncate text-sm font-medium text-ink">{user.name}</p>
        <p className="truncate text-[13px] text-muted">{user.email}</p>
      </div>
      <MenuSeparator />
      <MenuLinkItem href="/account/tokens">
        <KeyIcon className="size-4 text-muted" />
        API tokens
      </MenuLinkItem>
      <MenuLinkItem href="/account/security">
        <ShieldIcon className="size-4 text-muted" />
        Password and sessions
      </MenuLinkItem>
      <MenuLinkItem href="/account/notifications">
        <MailIcon className="size-4 text-muted" />
        Email notifications
      </MenuLinkItem>
      <MenuSeparator />
      <SignOutForm action={signOutAction}>
        {(pending) => (
          <MenuButtonItem type="submit" aria-disabled={pending || undefined}>
            <LogOutIcon className="size-4 text-muted" />
            {pending ? "Signing out…" : "Sign out"}
          </MenuButtonItem>
        )}
      </SignOutForm>
    </Menu>
  );
}

/** The columns of an actuals CSV and the rules its rows keep, with an example. */
export function ActualsFormat() {
  const code = "rounded bg-subtle px-1 font-mono text-[12px]";
  return (
    <div className="flex flex-col gap-3 text-[13px] leading-5 text-ink-soft">
      <p>One row per person and day, with a header row:</p>
      <ul className="ml-4 list-disc space-y-1">
        <li>
          <code className={code}>item</code>: the feature’s title (or its id)
        </li>
        <li>
          <code className={code}>date</code>, <code className={code}>hours</code>: the day (YYYY-MM-DD) and
          the hours spent, up to 24, two decimals at most
        </li>
        <li>
          <code className={code}>person</code>: a team member’s email or name; empty for you
        </li>
        <li>
          <code className={code}>actual_start</code>, <code className={code}>actual_finish</code>
          (optional): when the work really started and finished
        </li>
      </ul>
      <pre className="rounded-md border border-line bg-subtle p-2 font-mono text-[12px] leading-5 break-all whitespace-pre-wrap text-ink">
        {`item,date,hours,person,actual_start,actual_finish
Payments API,2027-03-01,6.5,ana@example.com,,
Payments API,2027-03-02,4,,2027-03-01,
Ledger,,,,2027-02-01,2027-03-05`}
      </pre>
      <p>
        Nothing lies in the future, and hours go on features that are not cut. The file is imported whole or
        not at all: a refused file lists each bad row by its line. At most 10 MiB and 20,000 rows.
      </p>
    </div>
  );
}

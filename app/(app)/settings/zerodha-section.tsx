export function ZerodhaSection() {
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Linking your own Kite Connect app (api key and secret, stored encrypted) is the next step of Tradedeck&apos;s setup. Until then your paper
      account uses simulated prices, labelled as such.
    </p>
  );
}

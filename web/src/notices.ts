// Change notices from other tabs ("version V changed these names"), on their way to
// Python and from there to the page. While this worker runs a message they are merged
// by namespace and passed on when it is done, or NOTICE_MS after the first: a burst of
// commits in other tabs then costs a few calls into Python and the page, not hundreds,
// and an idle tab still hears of each change at once.

export interface Notice {
  namespace: string;
  version: number;
  names: string[];
}

const NOTICE_MS = 50;

export class Notices {
  /** Hook: the worker is running a message. */
  busy: () => boolean = () => false;
  private readonly listeners = new Map<string, (version: number, names: string) => void>();
  private readonly gathered = new Map<string, Notice>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly waitMs = NOTICE_MS) {}

  /** One listener per namespace: a worker runs one app. Names are passed as JSON. */
  subscribe(ns: string, listener: (version: number, names: string) => void): void {
    this.listeners.set(ns, listener);
  }

  receive(notice: Notice): void {
    const earlier = this.gathered.get(notice.namespace);
    const names = [...new Set([...(earlier?.names ?? []), ...notice.names])];
    const version = Math.max(notice.version, earlier?.version ?? 0);
    this.gathered.set(notice.namespace, { namespace: notice.namespace, version, names });
    if (!this.busy()) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
  }

  /** Pass on what was gathered. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const notices = [...this.gathered.values()];
    this.gathered.clear();
    for (const { namespace, version, names } of notices) {
      this.listeners.get(namespace)?.(version, JSON.stringify(names));
    }
  }
}

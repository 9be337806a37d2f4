export interface ClusterInstance {
  port: number;
  url: string;
  /** Starts (or restarts) the instance and waits until GET /_health answers. */
  start(): Promise<void>;
  /** Sends the signal (SIGKILL by default) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** One line of nginx's access log (deploy/nginx.conf, format `cluster`). */
export interface AccessLine {
  id: string;
  method: string;
  uri: string;
  status: number;
  upstream: string;
  upstreamStatus: string;
  ms: string;
}

export interface Cluster {
  url: string;
  dir: string;
  instances: ClusterInstance[];
  accessLog(): AccessLine[];
  stop(): Promise<void>;
}

export function startCluster(options: {
  env: Record<string, string>;
  instances?: number;
  port?: number;
  dir?: string;
  bootTimeoutMs?: number;
  log?: (line: string) => void;
}): Promise<Cluster>;
export function freePort(): Promise<number>;

import { streetApi } from './client';

/** Prints what a street site's front page shows: `API_ORIGIN=http://localhost:1337 npx tsx src/main.ts`. */
const print = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const api = streetApi(process.env.API_ORIGIN ?? 'http://localhost:1337');
  const { total, notices } = await api.latestNotices();
  print(`通知公告 (${total})`);
  for (const n of notices) print(`  ${n.publishedAt?.slice(0, 10)}  ${n.title}`);
  print('五星支部排名');
  for (const r of await api.rankings(new Date().getFullYear()))
    print(`  ${r.rank}. ${r.branch} ${'★'.repeat(r.level)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

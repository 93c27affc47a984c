export default function Home() {
  return <main>Cairn</main>;
}

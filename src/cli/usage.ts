/** The --help text. */
export const USAGE = `gradlab — watch neural networks learn, in your terminal

Usage
  gradlab                         pick a lesson from a menu
  gradlab <lesson|file.yaml>      open a lesson's dashboard straight away
  gradlab run <lesson|file> --headless [--steps N] [--every K]
                                  [--format table|jsonl|csv] [--out FILE]
                                  [--save-weights DIR]
  gradlab list                    list the lessons (built-in, ./scenarios, --dir)
  gradlab check FILE…             validate scenario files
  gradlab new NAME [--from LESSON]
                                  write NAME.yaml here to start from: a copy of
                                  a lesson that trains exactly like it, or a
                                  small commented template (never overwrites)
  gradlab export <lesson|file> --torch OUT.py [--steps N] [--force]
                                  the lesson as a PyTorch script (data in OUT.json)
  gradlab tour                    the guided tour, chapter by chapter
  gradlab view RUNS.jsonl         a recorded run on the dashboard (run --headless
                                  --format jsonl, or the dashboard's export e)

Options
  --seed S          seed for data, initial weights and data order (default: the scenario's)
  --steps N         train every run for N steps
  --lang en|ko      language of titles, captions and keys (default: from LANG)
  --fps N           dashboard frames per second (default 15)
  --duration SEC    recording mode: SEC seconds per lesson (per chapter on the
                    tour), paced by frames so a seed replays identically; then quit
  --ascii           ASCII only: no box, block or braille glyphs
  --no-color        monochrome (NO_COLOR is honoured too)
  --dir DIR         also offer the scenario files in DIR (repeatable)
  -h, --help        this text
  -v, --version     the version

Exit codes: 0 success, 1 a runtime failure, 2 a usage or scenario-file error, 130 interrupted.
`;

/** The --help text, in English and Korean (commands, flags and file names stay as typed). */
import type {Language} from '../scenarios/types.js';

const EN = `gradlab — watch neural networks learn, in your terminal

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
  gradlab tour [TOUR] [--dir DIR]
                                  the guided tour, chapter by chapter; TOUR: a
                                  tour.yaml of your own (or its folder) listing
                                  your files and built-in chapters; --dir adds
                                  a folder's scenarios as chapters at the end
  gradlab view RUNS.jsonl         a recorded run on the dashboard (run --headless
                                  --format jsonl, or the dashboard's export e)

Options
  --seed S          seed for data, initial weights and data order (default: the scenario's)
  --steps N         train every run for N steps
  --lang en|ko      language of everything gradlab says (default: from LANG)
  --fps N           dashboard frames per second (default 15)
  --duration SEC    recording mode: SEC seconds per lesson (per chapter on the
                    tour), paced by frames so a seed replays identically; then quit
  --ascii           ASCII only: no box, block or braille glyphs (also chosen
                    when the locale is not UTF-8, e.g. LANG=C)
  --no-color        monochrome (NO_COLOR is honoured too)
  --dir DIR         also offer the scenario files in DIR (repeatable)
  -h, --help        this text
  -v, --version     the version

Exit codes: 0 success, 1 a runtime failure, 2 a usage or scenario-file error, 130 interrupted.
`;

const KO = `gradlab — 신경망이 학습하는 모습을 터미널에서 봐요

사용법
  gradlab                         메뉴에서 수업을 골라요
  gradlab <수업|file.yaml>        수업의 대시보드를 바로 열어요
  gradlab run <수업|파일> --headless [--steps N] [--every K]
                                  [--format table|jsonl|csv] [--out FILE]
                                  [--save-weights DIR]
  gradlab list                    수업 목록 (내장, ./scenarios, --dir)
  gradlab check FILE…             시나리오 파일을 검사해요
  gradlab new NAME [--from LESSON]
                                  여기에 NAME.yaml을 만들어요: 수업과 똑같이
                                  학습하는 사본, 또는 주석이 달린 작은 틀
                                  (있는 파일은 덮어쓰지 않아요)
  gradlab export <수업|파일> --torch OUT.py [--steps N] [--force]
                                  수업을 PyTorch 스크립트로 (데이터는 OUT.json)
  gradlab tour [TOUR] [--dir DIR]
                                  단원별 안내 투어; TOUR: 내 파일과 내장 단원을
                                  나열한 나만의 tour.yaml (또는 그 폴더);
                                  --dir은 폴더의 시나리오를 끝에 단원으로 더해요
  gradlab view RUNS.jsonl         기록된 실행을 대시보드로 봐요 (run --headless
                                  --format jsonl, 또는 대시보드의 내보내기 e)

옵션
  --seed S          데이터, 초기 가중치, 데이터 순서의 시드 (기본: 시나리오의 값)
  --steps N         모든 실행을 N 스텝 학습해요
  --lang en|ko      gradlab이 쓰는 언어 (기본: LANG에서)
  --fps N           대시보드의 초당 프레임 수 (기본 15)
  --duration SEC    녹화 모드: 수업마다 (투어는 단원마다) SEC초, 프레임 단위로
                    진행해 같은 시드는 똑같이 재생돼요; 끝나면 종료
  --ascii           ASCII만: 상자, 블록, 점자 문자를 쓰지 않아요 (로캘이
                    UTF-8이 아니면, 예: LANG=C, 저절로 골라요)
  --no-color        흑백 (NO_COLOR도 따라요)
  --dir DIR         DIR의 시나리오 파일도 보여줘요 (여러 번 쓸 수 있어요)
  -h, --help        이 도움말
  -v, --version     버전

종료 코드: 0 성공, 1 실행 중 실패, 2 사용법 또는 시나리오 파일 오류, 130 중단됨.
`;

export const USAGE: Readonly<Record<Language, string>> = {en: EN, ko: KO};

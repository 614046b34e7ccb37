/**
 * The Korean of what `check`, `run` and the dashboard say about a scenario, a CSV or a
 * checkpoint. Problems are built in English, where their words are chosen (errors.ts, schema.ts,
 * resolve.ts, the CSV reader, the limits); this phrasebook gives each English pattern its Korean,
 * the way gettext keys a catalogue by the English text. Field names, file names, values and the
 * names of optimizers or data sets stay as written: they are what a person types.
 * A sentence no rule knows stays in English (`koreanProblem` says so, and a test makes sure
 * every message the tests produce is known).
 */

/** A rule: an English pattern (the whole sentence) and its Korean, built from the captured parts. */
type Rule = readonly [RegExp, (...parts: string[]) => string];

/** Phrases that say what is allowed ("expected <phrase>"), exact. */
const PHRASES: Readonly<Record<string, string>> = {
	'a number': '수',
	'a number > 0': '0보다 큰 수',
	'a number or null': '수 또는 null',
	'a step or null': '스텝 번호 또는 null',
	'a string': '문자열',
	'a list': '목록',
	'a number ≥ 0': '0 이상의 수',
	'a number from 0 to 1': '0부터 1 사이의 수',
	'a number from 0 to 1 (1 excluded)': '0 이상 1 미만의 수',
	'a number > 0 and ≤ 1': '0보다 크고 1 이하인 수',
	'a whole number > 0': '0보다 큰 정수',
	'a whole number ≥ 0': '0 이상의 정수',
	'a whole number ≥ 2': '2 이상의 정수',
	'a whole number > 0, or "full"': '0보다 큰 정수, 또는 "full"',
	'true or false': 'true 또는 false',
	text: '텍스트',
	'non-empty text': '비어 있지 않은 텍스트',
	'text, or {en: …, ko: …}': '텍스트, 또는 {en: …, ko: …}',
	'text (a few lines), or {en: …, ko: …}': '텍스트 (몇 줄), 또는 {en: …, ko: …}',
	'a non-empty label': '비어 있지 않은 이름표',
	'a non-empty label, or {en: …, ko: …}': '비어 있지 않은 이름표, 또는 {en: …, ko: …}',
	'an optimizer name, or {name: …, lr: …}': '옵티마이저 이름, 또는 {name: …, lr: …}',
	'an initializer name, or {name: normal, std: …}': '초기화 방법 이름, 또는 {name: normal, std: …}',
	'a column name or a 0-based column number': '열 이름, 또는 0부터 세는 열 번호',
	'a column name or number, or a list of them': '열 이름이나 번호, 또는 그 목록',
	'a path to a CSV file': 'CSV 파일 경로',
	'a path to a test CSV file': '테스트 CSV 파일 경로',
	'a number from 0 to 1 (1 excluded), or a path to a test CSV': '0 이상 1 미만의 수, 또는 테스트 CSV 경로',
	'a data set name, or {name: …} or {csv: …}': '데이터 세트 이름, 또는 {name: …}, {csv: …}',
	'a list of hidden layer sizes, like [16, 16] ([] for none)': '은닉층 크기의 목록, 예: [16, 16] (없으면 [])',
	'a path to a checkpoint (.json), or null': '체크포인트(.json) 경로, 또는 null',
	'a list of step counts, like [300, 600]': '스텝 수의 목록, 예: [300, 600]',
	'a formula like cosine or {name: step, every: 300}, or a set-point like {at: 500, lr: 0.01}': 'cosine이나 {name: step, every: 300} 같은 공식, 또는 {at: 500, lr: 0.01} 같은 설정점',
	'a list of schedule entries, like [cosine, {at: 500, lr: 0.01}]': '스케줄 항목의 목록, 예: [cosine, {at: 500, lr: 0.01}]',
	'a caption: {at: step, en: …, ko: …}': '자막: {at: 스텝, en: …, ko: …}',
	'a list of captions, like [{at: 0, en: …, ko: …}]': '자막의 목록, 예: [{at: 0, en: …, ko: …}]',
	'a list of runs, like [{label: …}, …]': '실행의 목록, 예: [{label: …}, …]',
	'a list of runs, like [{optimizer: adam}, …]': '실행의 목록, 예: [{optimizer: adam}, …]',
	'a mapping of scenario fields (title, dataset, model, train, runs, …)': '시나리오 필드의 매핑 (title, dataset, model, train, runs, …)',
	'a mapping of scenario fields (title, surface, start, runs, …)': '시나리오 필드의 매핑 (title, surface, start, runs, …)',
	'a point [x, y]': '점 [x, y]',
	'two numbers from 0 to 1 (1 excluded), like [0.9, 0.999]': '0 이상 1 미만의 수 두 개, 예: [0.9, 0.999]',
	'a CSV file that exists': '있는 CSV 파일',
	'a checkpoint file that exists': '있는 체크포인트 파일',
	'a scenario file next to the manifest': '목차 파일 옆의 시나리오 파일',
	'at least one run, like [{label: …}]': '실행 하나 이상, 예: [{label: …}]',
	'at least one run, like [{optimizer: adam}]': '실행 하나 이상, 예: [{optimizer: adam}]',
	'a set-point with lr or momentum, like {at: 500, lr: 0.01}': 'lr이나 momentum이 있는 설정점, 예: {at: 500, lr: 0.01}',
	'a whole number > 0 (the lr is multiplied by gamma every this many steps)': '0보다 큰 정수 (이 스텝 수마다 lr에 gamma를 곱해요)',
	'step counts in increasing order, like [300, 600] (the lr is multiplied by gamma at each)': '커지는 순서의 스텝 수, 예: [300, 600] (각 스텝에서 lr에 gamma를 곱해요)',
	'Nesterov momentum needs momentum > 0 and dampening 0': '네스테로프 모멘텀에는 momentum > 0, dampening 0이 필요해요',
	'valid YAML': '올바른 YAML',
	'a number of steps per second > 0, or "max"': '초당 스텝 수 (0보다 큰 수), 또는 "max"',
};

/** "expected <phrase>": an exact phrase, a list of names, a limit, else the English. */
export function koreanPhrase(phrase: string): string {
	const exact = PHRASES[phrase];
	if (exact !== undefined) return exact;
	for (const [pattern, korean] of PHRASE_RULES) {
		const m = pattern.exec(phrase);
		if (m) return korean(...m.slice(1));
	}
	return phrase;
}

const PHRASE_RULES: readonly Rule[] = [
	[/^(.+) \(the views of a (network|surface) scenario\)$/s, (list, kind) => `${koreanPhrase(list)} (${kind === 'network' ? '신경망' : '곡면'} 시나리오의 보기)`],
	[/^one of: (.*)$/s, (list) => `다음 중 하나: ${list}`],
	[/^an optimizer name: one of: (.*)$/s, (list) => `옵티마이저 이름, 다음 중 하나: ${list}`],
	[/^a formula \(one of: (.*)\), or at: a step for a set-point$/s, (list) => `공식 (다음 중 하나: ${list}), 또는 설정점의 스텝 at`],
	[/^a mapping with the fields (.*)$/s, (list) => `다음 필드가 있는 매핑: ${list}`],
	[/^at most ([\d,]+) (.+)$/s, (n, what) => `최대 ${n} ${unitWord(what)}`],
	[/^a step count below (\d+)$/, (n) => `${n}보다 작은 스텝 수`],
	[/^a label no other run has \(runs\[(\d+)\] is also "(.*)"\)$/s, (k, label) => `다른 실행과 겹치지 않는 이름표 (runs[${k}]도 "${label}"이에요)`],
	[/^(.+) \(([^()]+)\)$/s, (phrase, why) => `${koreanPhrase(phrase)} (${koreanPhrase(why)})`],
];

/** The thing a limit counts: "units per layer", "parameters per run", … */
function unitWord(what: string): string {
	const words: Readonly<Record<string, string>> = {
		steps: '스텝',
		runs: '개의 실행',
		values: '개의 값',
		'units per layer': '개의 유닛 (층마다)',
		'hidden layers': '개의 은닉층',
		'parameters per run': '개의 매개변수 (실행마다)',
		classes: '개의 클래스',
		samples: '개의 샘플',
		rows: '행',
		'feature columns': '개의 특성 열',
		'levels of nesting': '단계의 중첩',
		'alias expansions': '번의 별칭 펼침',
	};
	return words[what] ?? what;
}

/** A value as written stays as written; "nothing" is the one word showValue adds. */
const value = (shown: string): string => (shown === 'nothing' ? '값 없음' : shown);

/** Whole sentences, after the file name and the field path. */
const SENTENCES: readonly Rule[] = [
	[/^got (.+), expected at most ([\d,]+) (.+) \((.+)\)$/s, (got, n, what, why) => `받은 값 ${got}, 최대 ${n} ${unitWord(what)}까지예요 (${koreanProblem(why) ?? why})`],
	[/^got (.+?), expected (.+?) \(no file at (.+)\)$/s, (got, allowed, file) => `받은 값 ${got}, 필요한 값: ${koreanPhrase(allowed)} (${file}에 파일이 없어요)`],
	[/^got (.+?), expected (.+?)( \(did you mean "(.+)"\?\))?$/s, (got, allowed, _hint, near) => `받은 값 ${value(got)}, 필요한 값: ${koreanPhrase(allowed)}${near ? ` ("${near}"을(를) 뜻했나요?)` : ''}`],
	[/^missing, expected (.+?)( \(did you mean "(.+)"\?\))?$/s, (allowed, _hint, near) => `값이 없어요. 필요한 값: ${koreanPhrase(allowed)}${near ? ` ("${near}"을(를) 뜻했나요?)` : ''}`],
	[/^unknown field( \(did you mean "(.+)"\?\))?; allowed: (.*)$/s, (_hint, near, list) => `모르는 필드예요${near ? ` ("${near}"을(를) 뜻했나요?)` : ''}. 쓸 수 있는 필드: ${list}`],
	[/^line (\d+), column (\d+): (.*)$/s, (line, column, what) => `${line}행 ${column}열: YAML 문법 오류 (${what})`],
	// Lessons and files.
	[/^no such lesson or file( \(did you mean "(.+)"\?\))?; the lessons are: (.*)$/s, (_h, near, list) => `그런 수업이나 파일이 없어요${near ? ` ("${near}"을(를) 뜻했나요?)` : ''}. 수업: ${list}`],
	[/^no such file( \(did you mean "(.+)"\?\))?; the lessons are: (.*)$/s, (_h, near, list) => `그런 파일이 없어요${near ? ` ("${near}"을(를) 뜻했나요?)` : ''}. 수업: ${list}`],
	[/^the file is empty; a scenario needs at least a data set and runs$/, () => '파일이 비어 있어요. 시나리오에는 적어도 데이터 세트와 실행이 필요해요'],
	[/^does not exist$/, () => '없는 파일이에요'],
	[/^the decision boundary needs 2-D data; this data set has more features$/, () => '결정 경계는 2차원 데이터에만 그릴 수 있어요. 이 데이터 세트는 특성이 더 많아요'],
	[/^the fit view needs a regression data set; this one has classes$/, () => '맞춤 보기는 회귀 데이터 세트에만 써요. 이 데이터 세트는 클래스가 있어요'],
	[/^the images view needs image data \(dataset: digits\)$/, () => '이미지 보기는 이미지 데이터에만 써요 (dataset: digits)'],
	[/^(.+?):? is (a folder|a FIFO \(a named pipe\)|a device|a socket|not a regular file), not (.+)$/, (file, what, noun) => `${file}: ${FILE_KINDS[what] ?? what}예요 (${NOUNS[noun] ?? noun}이(가) 아니에요)`],
	[/^(.+?): (is .*|holds .*)$/s, (file, rest) => `${file}: ${koreanProblem(rest) ?? rest}`],
	[/^(.+) has ([\d,]+) rows and the training file ([\d,]+); the limit is ([\d,]+) rows of data in both files together(.*)$/s, (file, rows, train, limit, more) => `${file}은(는) ${rows}행, 학습 파일은 ${train}행이에요. 두 파일을 합쳐 ${limit}행까지예요${more}`],
	[/^(.+): the label column has ([\d,]+) distinct values; a classifier here has at most ([\d,]+) classes(.*)$/s, (file, n, max, more) => `${file}: label 열의 서로 다른 값이 ${n}개예요. 여기서 분류기는 클래스가 최대 ${max}개예요${more}`],
	[/^(.+) has ([\d,]+) rows; the limit is ([\d,]+) rows of data \(it would take about (.+) as training data\)$/, (file, rows, limit, memory) => `${file}은(는) ${rows}행이에요. 데이터는 ${limit}행까지예요 (학습 데이터로 약 ${memory}가 필요해요)`],
	[/^(.+) has ([\d,]+) columns \(([\d,]+) features\); the limit is ([\d,]+) feature columns(.*)$/s, (file, cols, features, limit, more) => `${file}은(는) 열이 ${cols}개(특성 ${features}개)예요. 특성 열은 ${limit}개까지예요${more}`],
	[/^this network would have ([\d,]+) parameters and need about (.+) to train$/, (n, memory) => `이 신경망은 매개변수가 ${n}개이고 학습에 약 ${memory}가 필요해요`],
	[/^is (a folder|a FIFO \(a named pipe\)|a device|a socket|not a regular file), not (.+)$/, (what, noun) => `${FILE_KINDS[what] ?? what}예요 (${NOUNS[noun] ?? noun}이(가) 아니에요)`],
	[/^is (.+); the limit for (.+) is (.+)$/, (size, noun, limit) => `크기가 ${size.replace(/ bytes$/, '바이트')}예요. ${NOUNS[noun] ?? noun}은(는) ${limit}까지예요`],
	[/^is UTF-16 text; save it as UTF-8$/, () => 'UTF-16 텍스트예요. UTF-8로 저장하세요'],
	[/^holds NUL bytes: .*$/s, () => 'NUL 바이트가 있어요: 바이너리 파일이거나 BOM 없는 UTF-16 텍스트예요. UTF-8 텍스트로 저장하세요'],
	[/^is not UTF-8 text \(line (\d+)\); save it as UTF-8$/, (line) => `UTF-8 텍스트가 아니에요 (${line}행). UTF-8로 저장하세요`],
	[/^is not valid JSON(.*)$/s, (where) => `올바른 JSON이 아니에요${where}`],
	[/^is nested more than (\d+) levels deep; .*$/s, (n) => `${n}단계보다 깊게 중첩돼 있어요. gradlab의 파일은 훨씬 얕아요`],
	[/^holds ([\d,]+) values or more; gradlab reads at most ([\d,]+) from such a file$/, (n, max) => `값이 ${n}개 이상이에요. 이런 파일에서 gradlab은 최대 ${max}개까지 읽어요`],
	[/^its YAML aliases \(\*name\) expand too many times .*; gradlab allows (\d+)$/s, (n) => `YAML 별칭(*name)이 너무 많이 펼쳐져요 (끝없이 커지는 파일). gradlab은 ${n}번까지 허용해요`],
	// Rules between fields.
	[/^give either name \(a built-in data set\) or csv \(your own file\), not both$/, () => 'name(내장 데이터 세트)과 csv(직접 만든 파일) 중 하나만 주세요'],
	[/^give either label \(a class column: classification\) or target \(number columns: regression\), not both$/, () => 'label(클래스 열: 분류)과 target(숫자 열: 회귀) 중 하나만 주세요'],
	[/^give either name \(a formula\) or at \(.*\), not both$/s, () => 'name(공식)과 at(설정점: 그 스텝부터 lr이나 momentum이 값을 가져요) 중 하나만 주세요'],
	[/^a CSV data set has no (\w+); only the built-in (?:toys|generated sets) take it \((.*)\)$/, (key, takers) => `CSV 데이터 세트에는 ${key}이(가) 없어요. 내장 데이터 세트만 받아요 (${takers})`],
	[/^(\S+) has no (\w+) column; \w+ goes with csv: your own file$/, (name, key) => `${name}에는 ${key} 열이 없어요. ${key}은(는) csv(직접 만든 파일)와 함께 써요`],
	[/^(\S+) is split by a share, like test: 0\.2; a test file goes with csv: your own file$/, (name) => `${name}은(는) test: 0.2처럼 비율로 나눠요. 테스트 파일은 csv(직접 만든 파일)와 함께 써요`],
	[/^(\S+) has no (\w+); only the built-in (?:toys|generated sets) take it \((.*)\)$/, (name, key, takers) => `${name}에는 ${key}이(가) 없어요. 다음만 받아요: ${takers}`],
	[/^(\S+) is a regression set and has no classes; classes is for (.*)$/, (name, takers) => `${name}은(는) 회귀 데이터라 classes가 없어요. classes는 ${takers}에 써요`],
	[/^(\S+) always has 2 classes; only (.*) take other counts$/, (name, takers) => `${name}은(는) 늘 클래스가 2개예요. 다른 개수는 ${takers}만 받아요`],
	[/^(\S+) has no (\w+); only (\w+) takes it$/, (name, key, taker) => `${name}에는 ${key}이(가) 없어요. ${taker}만 받아요`],
	[/^(\S+) has no (\w+); \w+ is for (.*) \(\S+ takes (.*)\)$/, (name, key, users, takes) => `${name}에는 ${key}이(가) 없어요. ${key}은(는) ${users}에 써요 (${name}이(가) 받는 것: ${takes})`],
	[/^a set-point has no (\w+); it takes at, lr, momentum$/, (key) => `설정점에는 ${key}이(가) 없어요. at, lr, momentum만 받아요`],
	[/^got (\d+), but the run trains (\d+) steps: a set-point at \d+ would never take effect \(it acts from step (\d+) on\)$/, (at, steps, from) => `받은 값 ${at}, 하지만 실행은 ${steps} 스텝만 학습해요: ${at}의 설정점은 효과가 없어요 (${from} 스텝부터 작동해요)`],
	[/^(\S+) has no momentum to change; momentum set-points are for (.*)$/, (name, list) => `${name}에는 바꿀 모멘텀이 없어요. momentum 설정점은 ${list}에 써요`],
	[/^a second (\w+) at step (\d+) \(schedule\[(\d+)\] sets it too\)$/, (key, step, k) => `${step} 스텝의 두 번째 ${key}이에요 (schedule[${k}]도 정해요)`],
	[/^rmsprop has momentum 0 on its first step, .*$/s, () => 'rmsprop의 첫 스텝 momentum이 0이면 torch.optim.RMSprop은 모멘텀 버퍼를 만들지 않아 나중에 올릴 수 없어요. 처음부터 momentum > 0을 주세요'],
	[/^cross-entropy needs class labels; a regression set takes mse or mae$/, () => 'cross-entropy에는 클래스 레이블이 필요해요. 회귀 데이터에는 mse나 mae를 써요'],
	[/^mae is a regression loss; classification takes cross-entropy or mse$/, () => 'mae는 회귀 손실이에요. 분류에는 cross-entropy나 mse를 써요'],
	[/^a (\w+) data set, but runs\[0\] is (\w+): every run of a scenario has the same task$/, (task, first) => `${TASKS[task] ?? task} 데이터인데 runs[0]은 ${TASKS[first] ?? first}예요: 한 시나리오의 실행은 모두 같은 과제를 풀어요`],
	[/^got (.+), but the checkpoint (.+) has hidden layers (.+); leave hidden out to take the checkpoint's$/, (got, file, sizes) => `받은 값 ${got}, 하지만 체크포인트 ${file}의 은닉층은 ${sizes}예요. hidden을 빼면 체크포인트를 따라요`],
	[/^got (.+), but the checkpoint (.+) uses (\S+); leave activation out to take the checkpoint's$/, (got, file, activation) => `받은 값 ${got}, 하지만 체크포인트 ${file}은(는) ${activation}을(를) 써요. activation을 빼면 체크포인트를 따라요`],
	[/^the checkpoint (.+) takes (\d+) inputs? and gives (\d+) outputs?; this data has (\d+) features? and (.+), so it needs (.+) \((.+)\)$/s, (file, ins, outs, features, has, needs, loss) => `체크포인트 ${file}은(는) 입력 ${ins}개, 출력 ${outs}개인데, 이 데이터는 특성 ${features}개, ${has}라서 ${needs}이(가) 필요해요 (${loss})`],
	// Limits.
	[/^a (\S+) network has (at least )?([\d,]+) parameters and needs about (.+) to train; the limit is ([\d,]+) parameters per run \(about (.+)\)$/, (shape, least, n, memory, limit, limitMemory) => `${shape} 신경망은 매개변수가 ${least ? '적어도 ' : ''}${n}개이고 학습에 약 ${memory}가 필요해요. 실행마다 매개변수 ${limit}개(약 ${limitMemory})까지예요`],
	[/^this lesson would need about (.+?) \((.*)\); the limit is (.+?) per lesson.*$/s, (total, parts, limit) => `이 수업에는 약 ${total}가 필요해요 (${parts}). 수업마다 ${limit}까지예요. 실행, 데이터, 층을 줄이세요`],
	[/^(.+) has (.+); the limit is (.+) \(it would take about (.+) as training data\)$/s, (file, what, limit, memory) => `${file}: ${what}, 한도는 ${koreanPhrase(limit)}예요 (학습 데이터로 약 ${memory}가 필요해요)`],
	// Recordings (gradlab view; records/read.ts), after the file name.
	[/^(.+); not a gradlab record \(view reads the JSON Lines of run --headless --format jsonl, or of the dashboard export\)$/s, (what) => `${apply(RECORD_RULES, what) ?? what}. gradlab 기록이 아니에요 (view는 run --headless --format jsonl이나 대시보드 내보내기가 쓴 JSON Lines를 읽어요)`],
	// CSV files (the reader's sentences, after the file name).
	[/^(.+?)(?: \((.+)\))?: (The CSV file .*|Row .*|The target column .*|\w+ column ".*" not found\..*)$/s, (file, where, sentence) => `${file}${where ? ` (${where})` : ''}: ${koreanCsv(sentence)}`],
	[/^(.+): its feature columns are (.+); the training file's are (.+)\. A test file needs the same columns\.$/s, (file, test, train) => `${file}: 특성 열이 ${test}인데 학습 파일은 ${train}이에요. 테스트 파일은 열이 같아야 해요`],
	[/^(.+) is not a CSV gradlab can use(.*); its content is not shown because its name does not end in \.csv$/s, (file, where) => `${file}은(는) gradlab이 쓸 수 있는 CSV가 아니에요${where}. 이름이 .csv로 끝나지 않아 내용은 보여주지 않아요`],
];

const FILE_KINDS: Readonly<Record<string, string>> = {
	'a folder': '폴더',
	'a FIFO (a named pipe)': 'FIFO(이름 있는 파이프)',
	'a device': '장치',
	'a socket': '소켓',
	'not a regular file': '일반 파일이 아닌 것',
};

const NOUNS: Readonly<Record<string, string>> = {
	'a scenario file': '시나리오 파일',
	'a tour manifest': '투어 목차',
	'a CSV file': 'CSV 파일',
	'a checkpoint': '체크포인트',
	'a gradlab recording': 'gradlab 기록',
};

const TASKS: Readonly<Record<string, string>> = {classification: '분류', regression: '회귀'};

/** What is wrong with a recording's content (records/read.ts); field names and run labels stay as written. */
const RECORD_RULES: readonly Rule[] = [
	[/^line (\d+) is not JSON$/, (line) => `${line}행이 JSON이 아니에요`],
	[/^line (\d+) is not a JSON object$/, (line) => `${line}행이 JSON 객체가 아니에요`],
	[/^line (\d+) has no "(.*)"$/s, (line, name) => `${line}행에 "${name}"이(가) 없어요`],
	[/^line (\d+): "layers" (\d+) must be an object$/, (line, l) => `${line}행: "layers"의 ${l}번째 층이 객체가 아니에요`],
	[/^line (\d+): "layers" (\d+) "(.*)" must be (.+)$/s, (line, l, name, what) => `${line}행: "layers"의 ${l}번째 층의 "${name}" 값이 맞지 않아요. 필요한 값: ${koreanPhrase(what)}`],
	[/^line (\d+): "(.*)" must be (.+)$/s, (line, name, what) => `${line}행: "${name}" 값이 맞지 않아요. 필요한 값: ${koreanPhrase(what)}`],
	[/^line (\d+): run "(.*)" goes back to step (\d+)$/s, (line, run, step) => `${line}행: 실행 "${run}"이(가) ${step} 스텝으로 되돌아가요 (스텝은 커지기만 해요)`],
	[/^has no records$/, () => '기록이 하나도 없어요'],
];

/** The CSV reader's sentences (core/data/csv.ts). */
const CSV_RULES: readonly Rule[] = [
	[/^The CSV file is empty: .*$/s, () => 'CSV 파일이 비어 있어요: 머리글 행과 데이터 행이 하나 이상 필요해요.'],
	[/^The CSV file has a header row but no data rows\.$/, () => 'CSV 파일에 머리글 행만 있고 데이터 행이 없어요.'],
	[/^The target column "(.*)" is named twice\.$/s, (name) => `target 열 "${name}"이(가) 두 번 나와요.`],
	[/^The CSV file has only the (label|target) columns? (.*); it needs at least one feature column\.$/s, (role, names) => `CSV 파일에 ${role} 열 ${names}만 있어요. 특성 열이 하나 이상 필요해요.`],
	[/^Row (\d+) has (\d+) cells?, header has (\d+)\.$/, (row, cells, header) => `${row}행의 칸은 ${cells}개인데 머리글은 ${header}개예요.`],
	[/^Row (\d+), column "(.*)": the label is empty; every row needs one\.$/s, (row, column) => `${row}행 "${column}" 열: 레이블이 비어 있어요. 모든 행에 있어야 해요.`],
	[/^Row (\d+), column "(.*)" is empty; (\w+) cells must be numbers\.$/s, (row, column, what) => `${row}행 "${column}" 열이 비어 있어요. ${what} 칸은 수여야 해요.`],
	[/^Row (\d+), column "(.*)": "(.*)" is not a number\.$/s, (row, column, cell) => `${row}행 "${column}" 열: "${cell}"은(는) 수가 아니에요.`],
	[/^Row (\d+), column "(.*)": "(.*)" is too large to use\.$/s, (row, column, cell) => `${row}행 "${column}" 열: "${cell}"은(는) 너무 커서 쓸 수 없어요.`],
	[/^(\w+) column "(.*)" not found\. The columns are: (.*)\.$/s, (role, name, list) => `${role} 열 "${name}"이(가) 없어요. 열: ${list}.`],
	[/^Row (\d+), column "(.*)": "(.*)" is not one of the training file's classes \((.*)\)\.$/s, (row, column, label, classes) => `${row}행 "${column}" 열: "${label}"은(는) 학습 파일의 클래스(${classes})가 아니에요.`],
	[/^Row (\d+): a quoted field is never closed \(a " is missing\)\.$/, (row) => `${row}행: 따옴표로 연 칸이 닫히지 않았어요 (" 하나가 빠졌어요).`],
	[/^Row (\d+): unexpected text after a closing quote; quote the whole field\.$/, (row) => `${row}행: 닫는 따옴표 뒤에 글자가 있어요. 칸 전체를 따옴표로 감싸세요.`],
];

function apply(rules: readonly Rule[], text: string): string | undefined {
	for (const [pattern, korean] of rules) {
		const m = pattern.exec(text);
		if (m) return korean(...m.slice(1).map((part) => part ?? ''));
	}
	return undefined;
}

/** A CSV reader's sentence in Korean, or as it was. */
export function koreanCsv(sentence: string): string {
	return apply(CSV_RULES, sentence) ?? sentence;
}

/** A problem's sentence (after its field path) in Korean; undefined when no rule knows it. */
export function koreanProblem(sentence: string): string | undefined {
	return apply(SENTENCES, sentence) ?? apply(CSV_RULES, sentence);
}

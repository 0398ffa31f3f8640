# Passerelle — 한국어

## 사이트

site-name = Passerelle
site-tagline = 한국과 퀘벡, 그리고 세계를 잇는 연구 교류
skip-to-content = 본문 바로가기
nav-main = 주 메뉴
nav-home = 홈
nav-openings = 모집 공고
nav-language = 언어
language-switch-to = 이 페이지를 { $language }로 보기
footer-about = Passerelle은 오픈 소스 소프트웨어입니다. 모집 공고는 각 기관이 직접 게시합니다.

## 언어 (이 언어로 쓴 이름; language-self는 이 언어의 자기 이름)

language-self = 한국어
language-level = { $language } { $level }

## 홈

home-title = 다음 연구 교류 기회를 찾아보세요
home-intro = Passerelle은 KAIST, 셔브룩대학교, 한국표준과학연구원(KRISS), Mila 같은 기관과 연구자·학생을 방문 연구, 연구 인턴십, 박사과정 교류, 박사후 연구원, 공동 연구, 여름학교로 연결합니다.
home-point-languages = 한국어, 영어, 프랑스어 중 어느 언어로 검색해도 세 언어로 작성된 공고를 모두 찾을 수 있습니다.
home-point-institutions = 모든 공고는 기관이 직접 올리며, 마감일과 재정 지원, 어학 요건을 분명히 밝힙니다.
home-point-free = 연구자와 기관 모두 무료로 쓰는 오픈 소스 플랫폼입니다.
home-recent = 최근 게시된 공고
home-browse-all = 모집 중인 공고 { $count }건 모두 보기
meta-description = 한국, 퀘벡 등지의 연구 교류 공고: 방문 연구, 연구 인턴십, 박사과정 교류, 박사후 연구원 자리를 한국어, 영어, 프랑스어로 찾아보세요.

## 검색

search-label = 공고 검색
search-placeholder = 예: 양자 컴퓨팅, 배터리
search-submit = 검색
openings-title = 연구 교류 공고
openings-results-for = ‘{ $query }’ 검색 결과
openings-also-searched = 다른 언어로도 검색한 말:
openings-count =
    { $count ->
        [0] 모집 중인 공고가 없습니다
       *[other] 모집 중인 공고 { $count }건
    }
openings-none = 검색 조건에 맞는 공고가 없습니다. 다른 검색어를 쓰거나 검색어를 줄여 보세요.
openings-sorted-by-deadline = 마감이 가까운 순으로 정렬했습니다.

## 검색 조건

filters-title = 검색 조건
filters-active = ({ $count }개 적용 중)
filter-country = 국가
filter-sort = 정렬
filter-any-kind = 모든 유형
filter-any-stage = 모든 경력 단계
filter-any-field = 모든 분야
filter-any-country = 모든 국가
filter-option-count = { $label } ({ $count })
filter-closed = 마감된 공고 포함
filter-institution = 기관
filter-any-institution = 모든 기관
filter-language = 요구 언어
filter-any-language = 언어 무관
filter-funding = 재정 지원
filter-any-funding = 지원 여부 무관
filter-funded-yes = 체재비 지원 있음
filter-funded-no = 체재비 지원 없음
filter-deadline-from = 마감일(부터)
filter-deadline-to = 마감일(까지)
filter-apply = 조건 적용
search-suggestions = 추천 검색어
search-suggestions-count = 추천 검색어 { $count }개가 있습니다. 위아래 화살표 키로 고르세요.
sort-relevance = 관련도순
sort-deadline = 마감 임박순
sort-newest = 최신순

## 페이지 이동

pagination-label = 검색 결과 페이지
pagination-previous = 이전 페이지
pagination-next = 다음 페이지
pagination-status = { $pages }페이지 중 { $page }페이지
pagination-goto = { $page }페이지

## 공고

opening-details = 상세 정보
opening-deadline = 마감일
opening-deadline-note = (전 세계 모든 시간대에서 그날이 끝날 때까지)
opening-days-left =
    { $days ->
        [0] 오늘 마감
       *[other] { $days }일 남음
    }
opening-closed = 마감일이 지나 모집이 끝난 공고입니다.
opening-kind = 유형
opening-institution = 기관
opening-location = 장소
opening-career-stages = 경력 단계
opening-fields = 연구 분야
opening-start = 시작일
opening-duration = 기간
opening-duration-months = { $months }개월
opening-positions = 자리 수
opening-funding = 재정 지원
opening-no-stipend = 체재비 지원 없음
opening-travel-covered = 항공·교통비 지원
opening-travel-not-covered = 항공·교통비 미지원
opening-housing-covered = 숙소 지원
opening-housing-not-covered = 숙소 미지원
opening-languages-required = 어학 요건
opening-no-language-required = 어학 요건 없음
opening-keywords = 키워드
opening-apply = 기관 사이트에서 지원하기
opening-contact = 문의
opening-published = { $date } 게시
opening-original-note = 이 공고는 한국어 번역이 없어 원문 언어인 { $language }로 보여 드립니다.
opening-read-in = 다른 언어로 읽기
opening-back = 공고 목록으로
summary-funded = 재정 지원
summary-written-in = { $language } 공고

## 오류

not-found-title = 페이지를 찾을 수 없습니다
not-found-text = 요청하신 페이지를 찾지 못했습니다. 주소가 잘못 입력되었거나 페이지가 옮겨졌을 수 있습니다.
not-found-opening = 존재하지 않거나 더 이상 게시되지 않는 공고입니다.
not-found-institution = Passerelle에 없는 기관입니다.
institution-no-openings = 이 기관에는 지금 열려 있는 공고가 없습니다.
institution-verified = Passerelle 확인 기관
not-found-home = 홈으로 가기
bad-request-title = 잘못된 요청
bad-page-number = 페이지 번호는 1 이상의 정수여야 합니다.
bad-parameter = 주소에 있는 ‘{ $param }’ 값을 읽을 수 없습니다.
error-title = 문제가 발생했습니다
error-text = 서버가 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.

## 공고 유형

kind-visiting-researcher = 방문 연구원
kind-internship = 연구 인턴십
kind-phd-exchange = 박사과정 교류
kind-postdoc = 박사후 연구원
kind-joint-project = 공동 연구
kind-summer-school = 여름학교

## 경력 단계 (EU 연구자 경력 단계)

stage-r1 = R1 – 초기 연구자 (박사과정까지)
stage-r2 = R2 – 박사 학위 소지 연구자
stage-r3 = R3 – 중견 연구자
stage-r4 = R4 – 선도 연구자

## 어학 수준 (CEFR)

cefr-a1 = A1 (입문)
cefr-a2 = A2 (초급)
cefr-b1 = B1 (중급)
cefr-b2 = B2 (중상급)
cefr-c1 = C1 (고급)
cefr-c2 = C2 (최상급)

## 지급 주기 ($money는 이미 서식을 적용한 금액)

period-month = 월 { $money }
period-year = 연 { $money }
period-week = 주 { $money }
period-day = 일 { $money }
period-total = 총 { $money }

## 공고 작성 양식에서 고르는 체재비 지급 주기

period-choice-month = 매월
period-choice-year = 매년
period-choice-week = 매주
period-choice-day = 매일
period-choice-total = 한 번에 (총액)

## 금액 ($amount는 이미 서식을 적용한 숫자)

money-cad = CA${ $amount }
money-krw = { $amount }원
money-usd = US${ $amount }
money-eur = €{ $amount }
money-other = { $amount } { $currency }

## 날짜

date-full = { $year }년 { $month }월 { $day }일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월

## 국가


## 연구개발 분야 (OECD)

field-1-1 = 수학
field-1-2 = 컴퓨터·정보과학
field-1-3 = 물리학
field-1-4 = 화학
field-1-5 = 지구·환경과학
field-1-6 = 생명과학
field-1-7 = 기타 자연과학
field-2-1 = 토목공학
field-2-2 = 전기·전자·정보공학
field-2-3 = 기계공학
field-2-4 = 화학공학
field-2-5 = 재료공학
field-2-6 = 의공학
field-2-7 = 환경공학
field-2-8 = 환경 생명공학
field-2-9 = 산업 생명공학
field-2-10 = 나노기술
field-2-11 = 기타 공학·기술
field-3-1 = 기초의학
field-3-2 = 임상의학
field-3-3 = 보건과학
field-3-4 = 의료 생명공학
field-3-5 = 기타 의학
field-4-1 = 농림수산학
field-4-2 = 축산·낙농학
field-4-3 = 수의학
field-4-4 = 농업 생명공학
field-4-5 = 기타 농학
field-5-1 = 심리학·인지과학
field-5-2 = 경제학·경영학
field-5-3 = 교육학
field-5-4 = 사회학
field-5-5 = 법학
field-5-6 = 정치학
field-5-7 = 사회·경제지리학
field-5-8 = 미디어·커뮤니케이션
field-5-9 = 기타 사회과학
field-6-1 = 역사학·고고학
field-6-2 = 언어학·문학
field-6-3 = 철학·윤리학·종교학
field-6-4 = 예술
field-6-5 = 기타 인문학

## 계정: 메뉴, 양식과 오류 안내

nav-account = 내 계정
nav-login = 로그인
nav-signup = 회원가입
nav-logout = 로그아웃

form-email = 이메일 주소
form-password = 비밀번호
form-new-password = 새 비밀번호
form-password-hint = 10자 이상 입력해 주세요. 몇 단어로 된 문장은 기억하기 쉽고 추측하기 어렵습니다.
form-display-name = 이름
form-preferred-lang = 선호 언어
form-preferred-lang-hint = 이 언어로 이메일을 보내 드리며, 로그인하면 사이트도 이 언어로 표시됩니다.

form-problem-list = 고칠 항목:
form-problem-item = { $field }: { $problem }
form-error-required = 이 항목을 입력해 주세요.
form-error-email = name@university.ac.kr 과 같은 형식의 이메일 주소를 입력해 주세요.
form-error-email-taken = 이미 이 주소로 가입된 계정이 있습니다. 로그인하시거나, 비밀번호가 기억나지 않으면 재설정해 주세요.
form-error-password-short = 비밀번호는 10자 이상이어야 합니다.
form-error-password-long = 비밀번호가 너무 깁니다. 1,000자 미만으로 입력해 주세요.
form-error-name-invalid = 이름은 100자 이내로 입력해 주세요.
form-error-expired = 양식을 너무 오래 열어 두었거나 다른 사이트에서 보낸 요청입니다. 다시 제출해 주세요.
form-error-too-many = 시도 횟수가 너무 많습니다. 몇 분 후에 다시 시도해 주세요.
form-error-busy = 지금 로그인하는 사람이 너무 많습니다. 몇 초 후에 다시 시도해 주세요.
form-error-forbidden = 이 계정으로는 할 수 없는 작업입니다. 권한이 있어야 한다고 생각하시면 소속 기관의 관리자에게 문의해 주세요.
form-error-stale = 그사이에 다른 사람이 내용을 변경했습니다. 현재 페이지를 확인한 뒤 다시 시도해 주세요.
form-error-gone = 더 이상 존재하지 않거나 볼 수 있는 권한이 없습니다.
form-error-too-large = 양식이 Passerelle에서 받을 수 있는 크기를 넘어 읽을 수 없습니다. 내용을 줄인 뒤 다시 제출해 주세요.
form-error-login-failed = 이메일 주소 또는 비밀번호가 올바르지 않습니다.
form-error-suspended = 이용이 정지된 계정입니다. Passerelle 팀에 문의해 주세요.
form-error-link-expired = 만료되었거나 이미 사용된 링크입니다. 새 링크를 요청해 주세요.

login-title = 로그인
login-submit = 로그인
login-forgot = 비밀번호를 잊으셨나요?
login-no-account = Passerelle이 처음이신가요? 회원가입
login-notice-confirmed = 이메일 주소가 확인되었습니다. 로그인해 계속하세요.
login-notice-reset-sent = 이 주소로 가입된 계정이 있다면 새 비밀번호를 설정할 수 있는 링크를 보내 드렸습니다. 링크는 1시간 동안 유효합니다.
login-notice-reset-done = 비밀번호가 변경되었습니다. 새 비밀번호로 로그인하세요.
login-notice-link-expired = 만료되었거나 이미 사용된 링크입니다.

forgot-title = 비밀번호 재설정
forgot-intro = 계정의 이메일 주소를 입력하시면 새 비밀번호를 설정할 수 있는 링크를 보내 드립니다.
forgot-submit = 링크 보내기

signup-title = 회원가입
signup-intro = 검색 조건을 저장하고 공고에 지원할 수 있으며, 협력 기관에 소속되어 있다면 직접 공고를 올릴 수도 있습니다.
signup-submit = 가입하기
signup-have-account = 이미 계정이 있으신가요? 로그인

reset-title = 새 비밀번호 설정
reset-submit = 새 비밀번호 저장

account-title = 내 계정
account-settings = 설정
account-save = 저장
account-resend = 링크 다시 보내기
account-email-confirmed = 이메일 주소 { $email } 확인이 완료되었습니다.
account-email-unconfirmed = 보내 드린 링크를 열어 이메일 주소({ $email }) 확인을 마쳐 주세요.
account-notice-welcome = Passerelle에 오신 것을 환영합니다! 확인 링크를 { $email } 주소로 보내 드렸습니다.
account-notice-sent = 새 확인 링크를 { $email } 주소로 보내 드렸습니다.
account-notice-confirmed = 이메일 주소가 확인되었습니다. 감사합니다.
account-notice-saved = 설정을 저장했습니다.

## 이메일 (일반 텍스트)

mail-confirm-subject = Passerelle 이메일 주소를 확인해 주세요
mail-confirm-body =
    { $name }님, 안녕하세요.

    Passerelle에 가입해 주셔서 감사합니다. 아래 링크를 열어 이메일 주소를 확인해 주세요.

    { $link }

    링크는 이틀 동안 유효합니다. 가입하신 적이 없다면 이 메일은 무시하셔도 됩니다.

    — Passerelle 팀 드림
mail-reset-subject = Passerelle 새 비밀번호 설정 안내
mail-reset-body =
    { $name }님, 안녕하세요.

    Passerelle 계정의 비밀번호 재설정 요청이 접수되었습니다. 아래 링크를 열어 새 비밀번호를 설정해 주세요.

    { $link }

    링크는 1시간 동안 유효합니다. 요청하신 적이 없다면 이 메일은 무시하세요. 비밀번호는 그대로 유지됩니다.

    — Passerelle 팀 드림

## 기관과 관리자 페이지

account-institutions = 소속 기관
account-no-institution = 아직 Passerelle에 등록된 기관 중 이메일 주소의 도메인과 일치하는 곳이 없습니다.
account-can-join = 이메일 주소가 { $institution } 도메인에 속합니다. 기관에 가입하면 공고를 올릴 수 있습니다.
account-join = { $institution } 가입하기
account-notice-joined = 소속 기관의 구성원이 되었습니다.
account-role-member = 구성원
account-role-admin = 관리자
join-error-unconfirmed = 먼저 이메일 주소를 확인해 주세요. 확인된 주소로만 소속 기관을 알 수 있습니다.
join-error-domain = 이메일 주소가 이 기관의 도메인에 속하지 않습니다.
join-error-removed = 이 기관의 관리자가 회원님을 기관에서 제외했습니다. 다시 참여하려면 기관 관리자에게 요청해 주세요.

admin-title = 관리
admin-intro = 기관을 인증하고 기관 관리자를 지정하며, 모든 검토·관리 작업을 감사 로그에서 확인할 수 있습니다.
admin-nav = 관리 메뉴
admin-forbidden-title = 접근 권한 없음
admin-forbidden-text = Passerelle 운영팀만 볼 수 있는 페이지입니다.
admin-institutions-title = 기관
admin-col-institution = 기관
admin-col-domain = 도메인
admin-col-members = 구성원
admin-col-openings = 공고
admin-col-verified = 인증
admin-col-make-admin = 기관 관리자
admin-verified = 인증됨
admin-verify = 인증하기
admin-member-email = 구성원 이메일 주소
admin-make-admin = 관리자로 지정
admin-error-not-member = 이 주소를 쓰는 기관 구성원이 없습니다.
admin-audit-title = 감사 로그
admin-audit-action = 작업
admin-audit-any = 모든 작업
admin-audit-actor = 작업자 (이메일 주소)
admin-audit-empty = 아직 기록된 내용이 없습니다.
admin-audit-system = Passerelle
admin-col-when = 일시
admin-col-who = 작업자
admin-col-action = 작업
admin-col-target = 대상
admin-col-detail = 세부 내용
audit-action-institution-verified = 기관 인증
audit-action-member-joined = 구성원 가입
audit-action-member-promoted = 관리자 지정

## 신고와 이용 정지

report-title = 이 공고에 문제가 있나요?
report-thanks = 감사합니다. Passerelle 팀이 신고 내용을 확인하겠습니다.
report-sign-in = 로그인하고 이 공고 신고하기
report-reason = 신고 사유
report-reason-choose = 사유를 선택하세요
report-details = 자세한 내용 (선택)
report-submit = 이 공고 신고하기
report-reason-misleading = 사실과 다르거나 오해를 부르는 정보
report-reason-unavailable = 이미 마감되었거나 철회되었는데 게시되어 있음
report-reason-discriminatory = 차별적인 내용
report-reason-spam = 스팸 또는 연구 공고가 아님
report-reason-other = 기타
form-error-choose = 하나를 선택해 주세요.
form-error-too-long = 내용이 너무 깁니다. 조금 줄여 주세요.
admin-reports-title = 신고
admin-reports-empty = 처리할 신고가 없습니다.
admin-col-opening = 공고
admin-col-reason = 사유
admin-col-reporter = 신고자
admin-col-decision = 처리
admin-resolve = 처리 완료로 표시
admin-accounts-title = 계정
admin-accounts-search = 이메일 주소 (일부만 입력해도 됩니다)
admin-col-status = 상태
admin-suspended = 이용 정지
admin-active = 정상
admin-unconfirmed = 이메일 미확인
admin-reinstate = 이용 정지 해제
admin-suspend-reason = 이용 정지 사유
admin-suspend = 이용 정지
admin-error-self = 자신의 계정은 정지할 수 없습니다.
audit-action-account-suspended = 계정 이용 정지
audit-action-account-reinstated = 계정 이용 정지 해제
audit-action-report-resolved = 신고 처리

## 비밀번호 변경

account-password = 비밀번호
account-password-save = 비밀번호 변경
account-notice-password = 비밀번호를 변경했습니다. 이 계정으로 로그인된 다른 기기는 모두 로그아웃되었습니다.
form-current-password = 현재 비밀번호
form-error-current-password = 현재 비밀번호가 올바르지 않습니다.

## 공고 작성 (기관 구성원)

nav-postings = 내 공고
nav-unseen-decisions = (새 결정 { $count }건)
postings-title = 내 공고
postings-new = 새 공고 작성
postings-empty = 소속 기관이 Passerelle에서 작성한 공고가 아직 없습니다.
postings-join-first = 공고를 올리려면 먼저 기관 도메인의 이메일 주소로 소속 기관에 가입하세요.
postings-join-link = 계정 페이지에서 가입하기
posting-new-title = 새 공고 작성
posting-new-intro = 한 언어로도, 두세 언어로도 쓸 수 있습니다. 어느 언어로 검색해도 이 공고가 검색됩니다. 초안을 저장하면 연구자에게 보일 모습을 미리 볼 수 있습니다.
posting-page-title = 공고
posting-edit-title = 공고 수정
posting-back = 공고로 돌아가기
posting-institution = 기관
posting-section-texts = 제목과 설명
posting-texts-hint = 처음 작성한 언어는 반드시 채워 주세요. 비워 둔 언어는 제공되지 않을 뿐입니다.
posting-original-language = 처음 작성한 언어
posting-text-in-fr = 프랑스어
posting-text-in-en = 영어
posting-text-in-ko = 한국어
posting-tab-problem = (확인 필요)
posting-title = 제목
posting-description = 설명
posting-markdown-hint = 마크다운을 쓸 수 있습니다: **굵게**, *기울임*, “-”로 시작하는 목록, “##”로 시작하는 소제목, [텍스트](https://…) 형식의 링크.
posting-section-what = 공고 내용
posting-kind = 공고 유형
posting-career-stages = 경력 단계
posting-fields = 연구 분야
posting-keywords = 키워드
posting-keywords-hint = 쉼표로 구분합니다. 예: 양자 센싱, NV 센터
posting-section-where = 장소와 일정
posting-country = 국가
posting-city = 도시
posting-deadline = 지원 마감일
posting-start = 시작일
posting-duration = 기간(개월)
posting-duration-hint = { $min }개월에서 { $max }개월까지 적을 수 있습니다.
posting-positions = 자리 수
posting-positions-hint = { $min }에서 { $max }까지 적을 수 있습니다.
posting-section-funding = 재정 지원
posting-stipend-hint = 체재비 지원이 없으면 금액을 비워 두세요.
posting-stipend-amount = 체재비 금액
posting-stipend-currency = 통화
posting-stipend-period = 지급 주기
posting-travel-covered = 여비 지원
posting-housing-covered = 숙소 제공 또는 숙박비 지원
posting-section-languages = 필요한 언어
posting-languages-hint = 최대 세 개 언어까지 요구 수준과 함께 골라 주세요. 요구하는 언어가 없으면 비워 두세요.
posting-language-code = 언어
posting-language-level = 수준
posting-section-apply = 지원 방법
posting-apply-url = 지원 페이지
posting-apply-url-hint = https://로 시작하는 웹 주소
posting-contact-email = 문의 이메일 주소
form-choose = 선택…
posting-save-draft = 초안 저장 후 미리 보기
posting-submit = 게시 요청
posting-submit-hint = Passerelle의 인증을 아직 받지 않은 기관의 공고와 이미 게시된 공고의 본문 수정은 운영자의 검토를 거쳐 게시됩니다.
posting-error-summary = 확인이 필요한 항목이 있습니다. 각 항목 옆에 문제를 표시했습니다.
posting-error-choose-some = 하나 이상 선택해 주세요.
posting-error-text-pair = 이 언어로 제목과 설명을 모두 쓰거나 둘 다 비워 두세요.
posting-error-original-missing = 처음 작성한 언어로 된 제목과 설명이 필요합니다.
posting-error-keywords = 키워드는 최대 30개, 각각 100자 이내로 적어 주세요.
posting-error-language-code = en, fr, ko 같은 두 글자 언어 코드로 입력해 주세요.
posting-error-country = KR, CA, FR 같은 두 글자 국가 코드로 입력해 주세요.
posting-error-date = 날짜를 2027-03-01 형식으로 입력해 주세요.
posting-error-deadline-past = 이미 지난 날짜입니다. 오늘 이후의 마감일을 입력해 주세요.
posting-error-number = 허용 범위 안의 정수로 입력해 주세요.
posting-error-currency = KRW, CAD, EUR 같은 세 글자 통화 코드로 입력해 주세요.
posting-error-url = https://로 시작하는 웹 주소를 입력해 주세요.
posting-error-invalid = 이대로는 공고를 저장할 수 없습니다. 모든 항목을 확인해 주세요.
posting-status-draft = 초안
posting-status-pending = 검토 대기 중
posting-status-published = 게시됨
posting-status-rejected = 운영자가 반려함
posting-status-closed = 마감됨
posting-edit-status = 수정 사항: { $status }
posting-col-title = 제목
posting-col-institution = 기관
posting-col-status = 상태
posting-saved-draft = 초안을 저장했습니다. 아래는 연구자에게 보일 모습입니다.
posting-saved-unfinished = 초안을 저장했습니다. 아직 다 채우지 않은 항목이 있으니 편할 때 마저 작성하세요. 초안은 ‘내 공고’에서 찾을 수 있으며, 본인만 볼 수 있습니다.
posting-unfinished-title = 작성 중인 초안
posting-unfinished-hint = 모든 항목을 채우기 전에 저장한 새 공고입니다. 본인만 볼 수 있습니다.
posting-unfinished-untitled = 제목 없는 초안
posting-unfinished-saved = 저장 시각
posting-unfinished-discard = 삭제
posting-unfinished-too-many = 작성 중인 초안이 너무 많습니다. ‘내 공고’에서 초안 하나를 마저 작성하거나 삭제한 뒤에 다시 저장하세요.
not-found-unfinished = 이 초안은 더 이상 없습니다. 이미 작성을 마쳤거나 삭제했습니다.
posting-saved-pending = 감사합니다. 운영자가 곧 검토합니다. 결과는 이 페이지와 이메일로 알려 드립니다.
posting-saved-published = 게시되었습니다. 이제 연구자들이 검색할 수 있습니다.
posting-saved-closed = 공고를 마감했습니다. 더 이상 검색 결과에 나오지 않습니다.
posting-live-note = 수정 사항이 승인될 때까지 연구자에게는 게시된 버전이 보입니다.
posting-edit-published-note = 게시된 공고입니다. 일정, 재정 지원, 자리 수 변경은 바로 반영되고, 제목·설명·키워드 변경은 검토를 거칩니다.
posting-edit = 수정
posting-close = 이 공고 마감하기
posting-public-page = 공개 페이지 보기
posting-preview = 미리 보기: 연구자에게 보일 모습
opening-withdrawn = 기관에서 이 공고를 마감했습니다.
not-found-posting = 존재하지 않거나 볼 수 없는 공고입니다.
decisions-title = 운영자 결정
decision-new = 새 알림
decision-approved = 승인됨.
decision-rejected = 반려됨:

## 검토

admin-review-title = 검토할 공고
review-intro = 인증되지 않은 기관의 새 공고와 게시된 공고의 본문 수정 사항입니다. 오래된 순서로 보여 줍니다. 공고를 열어 읽고 결정하세요.
review-empty = 검토를 기다리는 공고가 없습니다.
review-decided = 결정을 기록하고 작성자에게 알렸습니다.
review-col-change = 변경 유형
review-change-new = 새 공고
review-change-edit = 게시된 공고의 수정
review-unverified = 미인증
review-decide = 결정
review-reason = 반려 사유
review-reason-hint = 작성자는 사유를 자신의 언어로 읽습니다.
review-note = 작성자에게 남길 말(선택)
review-approve = 승인
review-reject = 반려
reject-reason-incomplete = 중요한 정보가 빠졌거나 분명하지 않습니다.
reject-reason-translations = 언어별 내용이 서로 다릅니다.
reject-reason-not-research = 연구 교류 공고가 아닙니다.
reject-reason-misleading = 본문 일부가 오해의 소지가 있습니다.
reject-reason-wrong-institution = 올바른 기관으로 게시되지 않았습니다.
reject-reason-duplicate = 같은 공고가 이미 게시되어 있습니다.
reject-reason-other = 기타 사유(운영자 메모 참고)
audit-action-opening-submitted = 공고 제출
audit-action-opening-approved = 공고 승인
audit-action-opening-rejected = 공고 반려
audit-action-opening-closed = 공고 마감
audit-action-report-filed = 공고 신고
mail-approved-subject = Passerelle에 공고가 게시되었습니다
mail-approved-body =
    { $name }님, 안녕하세요.

    운영자가 “{ $title }” 공고를 승인했습니다. 이제 연구자들이 검색할 수 있습니다.

    { $link }

    — Passerelle 팀
mail-rejected-subject = 공고를 게시하려면 수정이 필요합니다
mail-rejected-body =
    { $name }님, 안녕하세요.

    운영자가 “{ $title }” 공고를 반려했습니다.

    사유: { $reason }
    운영자 메모: { $note }

    아래 링크에서 수정한 뒤 다시 제출할 수 있습니다.

    { $link }

    — Passerelle 팀

## 기관 구성원

members-title = 구성원
members-heading = { $institution } 구성원
members-intro = 구성원은 누구나 기관의 공고를 작성할 수 있습니다. 관리자는 기관의 모든 공고를 수정하거나 마감할 수 있고, 이 목록도 관리합니다.
members-saved = 변경 사항을 저장했습니다.
members-col-role = 역할
members-col-joined = 가입일
members-role-admin = 관리자
members-role-member = 구성원
members-make-admin = 관리자로 지정
members-remove = 기관에서 제외
audit-action-member-removed = 구성원 제외
members-removed-heading = 제외된 구성원
members-removed-intro = 관리자가 다시 받아들이기 전까지는 기관에 다시 참여할 수 없습니다.
members-col-removed = 제외 일시
members-readmit = 다시 받아들이기
audit-action-member-readmitted = 구성원 다시 받아들임

## 프로필과 지원

nav-applications = 내 지원
nav-profile = 내 프로필
form-error-summary = 확인이 필요한 항목이 있습니다. 각 항목 옆의 안내를 확인해 주세요.
form-error-control = 붙여 넣은 내용에서 보이지 않는 제어 문자를 지워 주세요.
audit-action-profile-saved = 프로필 저장
audit-action-cv-uploaded = 이력서 업로드
audit-action-application-sent = 지원서 제출
audit-action-application-moved = 지원 상태 변경
audit-action-application-withdrawn = 지원 철회
audit-action-opening-dismissed = 추천에서 공고 제외
visibility-nobody = 아직 공개하지 않음 (지원한 기관은 지원 편지와 이력서만 봅니다)
visibility-applied-to = 내가 지원한 기관에만 공개
visibility-verified = Passerelle의 모든 인증 기관에 공개
application-status-received = 접수됨
application-status-under-review = 검토 중
application-status-shortlisted = 서류 통과
application-status-offer-made = 합격 제안
application-status-accepted = 제안 수락
application-status-declined = 제안 거절
application-status-not-retained = 불합격
application-status-withdrawn = 철회됨
profile-title = 내 프로필
profile-intro = 기관은 지원서와 함께 프로필을 읽습니다. 연구 관심 분야는 가장 편한 언어로 적어 주세요. Passerelle에서 한국어, 영어, 프랑스어 공고와 연결해 드립니다.
profile-saved = 프로필을 저장했습니다.
profile-section-research = 나의 연구
profile-career-stage = 경력 단계
profile-fields = 연구 분야
profile-keywords = 키워드
profile-keywords-hint = 쉼표로 구분합니다. 예: 해양 미생물학, 산호초
profile-interests-hint = 연구 관심 분야를 하나 이상의 언어로 적어 주세요.
profile-interests-fr = 연구 관심 분야 (프랑스어)
profile-interests-en = 연구 관심 분야 (영어)
profile-interests-ko = 연구 관심 분야 (한국어)
profile-section-languages = 사용 언어
profile-languages-hint = 최대 세 개 언어까지 본인의 수준과 함께 골라 주세요.
profile-section-looking = 찾는 기회
profile-kinds = 공고 유형
profile-countries = 국가
profile-countries-hint = 두 글자 국가 코드를 쉼표로 구분해 적어 주세요. 예: CA, FR, KR. 비워 두면 모든 국가가 대상입니다.
profile-available-from = 참여 가능 시작일
profile-section-links = 링크
profile-orcid = ORCID iD
profile-orcid-hint = 예: 0000-0002-1825-0097
profile-website = 웹 페이지
profile-visibility = 프로필과 이력서 공개 범위
profile-save = 프로필 저장
profile-error-too-many = 키워드는 최대 20개까지 입력할 수 있습니다.
profile-error-language = en, fr, ko처럼 두 글자 언어 코드를 사용해 주세요. 최대 10개까지 입력할 수 있습니다.
profile-error-country = CA, FR, KR처럼 두 글자 국가 코드를 쉼표로 구분해 적어 주세요.
profile-error-orcid = 올바른 ORCID iD가 아닙니다. 16자리를 다시 확인해 주세요(마지막 자리는 X일 수 있습니다).
profile-error-website = https://로 시작하는 웹 주소를 입력해 주세요.
profile-cv = 이력서
profile-cv-current = 현재 이력서:
profile-cv-none = 아직 이력서를 올리지 않았습니다.
profile-cv-size = { $kilobytes }KB
profile-cv-file = 이력서 (PDF)
profile-cv-hint = 5MB 이하의 PDF 파일을 올려 주세요. 새 이력서는 앞으로의 지원에 쓰이며, 이미 제출한 지원서에는 제출할 때의 이력서가 그대로 남습니다.
profile-cv-upload = 이력서 올리기
profile-cv-saved = 이력서를 저장했습니다.
cv-error-not-pdf = PDF 파일이 아닙니다. 이력서를 PDF로 저장한 뒤 다시 시도해 주세요.
cv-error-too-large = 파일이 5MB를 넘습니다.
cv-error-empty = 올릴 PDF 파일을 선택해 주세요.
opening-apply-here = Passerelle에서 지원하기
apply-title = Passerelle에서 지원하기
apply-intro = 기관에 보낼 짧은 지원 편지를 써 주세요. 프로필과 이력서가 함께 전달됩니다.
apply-sign-in = 로그인하고 지원하기
apply-letter = 지원 편지
apply-letter-hint = 5,000자 이내로 한국어, 영어, 프랑스어 중 편한 언어로 써 주세요.
apply-letter-lang = 편지 언어
apply-profile-note = 프로필과 이력서가 지원서와 함께 전달됩니다.
apply-profile-link = 프로필 확인하기
apply-submit = 지원서 제출
apply-already = 이 공고에 지원했습니다. 현재 상태: { $status }
apply-follow = 내 지원 현황 보기
apply-error-unconfirmed = 기관의 답변을 받을 수 있도록 먼저 이메일 주소를 인증해 주세요.
apply-error-elsewhere = 이 공고는 기관 사이트에서 지원을 받습니다.
apply-error-closed = 이 공고의 마감일이 지났습니다.
apply-error-already = 이미 이 공고에 지원했습니다.
apply-error-letter = 지원 편지를 5,000자 이내로 써 주세요.
applications-title = 내 지원
applications-sent = 지원서를 제출했습니다. 상태가 바뀔 때마다 이메일로 알려 드립니다.
applications-updated = 답변을 저장했습니다.
applications-empty = 아직 지원한 공고가 없습니다.
applications-find = 공고 찾기
applications-sent-on = 제출일
applications-status = 상태:
applications-history = 진행 기록
applications-message = 기관의 메시지:
applications-accept = 제안 수락하기
applications-decline = 제안 거절하기
applications-withdraw = 지원 철회하기
applications-withdraw-hint = 철회하면 되돌릴 수 없으며, 같은 공고에 다시 지원할 수 없습니다.
posting-col-applications = 지원서
posting-applications-link = 지원서 보기
posting-apply-via = 지원 받는 곳
posting-apply-here = Passerelle에서 (프로필, 지원 편지, 이력서 포함)
posting-apply-elsewhere = 기관의 지원 페이지 또는 이메일로
received-title = 지원서
received-back = 공고로 돌아가기
received-csv = CSV로 내려받기
received-count = 지원서 { $total }건 중 { $shown }건이 조건에 맞습니다
received-all = 전체
received-status = 상태
received-stage = 경력 단계
received-language = 사용 언어 (코드)
received-sort = 정렬
received-newest = 최신순
received-oldest = 오래된 순
received-apply-filters = 보기
received-no-profile = 이 지원자는 프로필을 공개하지 않았습니다. 지원 편지와 이력서만 볼 수 있습니다.
received-letter = 지원 편지
received-cv = 이력서 내려받기
received-interests = 연구 관심 분야
received-languages = 사용 언어
received-move-to = 변경할 상태
received-message = 지원자에게 보낼 메시지 (선택)
received-message-hint = 지원자는 Passerelle와 상태 변경 안내 이메일에서 이 메시지를 읽게 됩니다.
received-move = 상태 저장
csv-id = 지원 번호
csv-name = 이름
csv-email = 이메일
csv-status = 상태
csv-sent = 제출일
csv-stage = 경력 단계
csv-languages = 사용 언어
csv-letter-lang = 편지 언어
csv-letter = 지원 편지
mail-application-received-subject = 지원서가 제출되었습니다
mail-application-received-body =
    { $name }님, 안녕하세요.

    “{ $title }” 공고에 보낸 지원서가 기관에 전달되었습니다. 상태가 바뀔 때마다 이메일로 알려 드립니다.

    지원 현황은 여기에서 확인하실 수 있습니다.

    { $link }

    — Passerelle 팀
mail-application-status-subject = 지원 상태가 바뀌었습니다
mail-application-status-body =
    { $name }님, 안녕하세요.

    “{ $title }” 공고에 보낸 지원서의 상태가 바뀌었습니다.

    현재 상태: { $status }

    기관의 메시지: { $message }

    { $link }

    — Passerelle 팀
mail-application-reminder-subject = 답변을 기다리는 지원서가 있습니다
mail-application-reminder-body =
    { $name }님, 안녕하세요.

    “{ $title }” 공고의 지원서 { $count }건이 { $days }일 넘게 답변을 기다리고 있습니다. 결과가 불합격이더라도 지원자는 진행 상황을 알고 싶어 합니다.

    { $link }

    — Passerelle 팀
applications-answer-days = 이 기관은 보통 { $days }일 안에 답변합니다.
posting-questions-hint = Passerelle에서 지원을 받는 경우, 지원 편지 외에 지원자가 답할 질문을 최대 세 개까지 공고의 원래 언어로 적을 수 있습니다. 질문이 없으면 비워 두세요.
posting-question-1 = 지원자에게 묻는 첫째 질문
posting-question-2 = 둘째 질문
posting-question-3 = 셋째 질문
apply-error-answer = 이 질문에 2,000자 이내로 답해 주세요.
received-answers = 공고 질문에 대한 답변
csv-answers = 답변
admin-waiting = 처리할 일
admin-waiting-review = 검토할 공고: { $count }건
admin-waiting-reports = 처리할 신고: { $count }건
admin-waiting-institutions = 확인할 기관: { $count }곳
admin-applications = Passerelle의 지원 현황
admin-applications-week = 최근 7일 동안 제출된 지원서: { $count }건
admin-profiles = 프로필을 등록한 연구자: { $count }명
admin-count = 지원서 수

## 추천: 공고가 연구자에게 맞는 이유와 부족한 점

reason-keyword = 내 키워드 “{ $yours }”: 이 공고에 나옵니다.
reason-keyword-translated = 내 키워드 “{ $yours }”: 이 공고의 “{ $theirs }”에 해당합니다.
reason-interest = 내 연구 관심 분야의 “{ $yours }”: 이 공고에도 나옵니다.
reason-interest-translated = 내 연구 관심 분야의 “{ $yours }”: 이 공고의 “{ $theirs }”에 해당합니다.
reason-meaning = 내 키워드, 연구 관심 분야와 의미가 가깝습니다.
reason-stage-match = 내 경력 단계에 열려 있습니다: { $stage }
reason-stage-mismatch = 경력 단계 { $wanted } 대상이며, 내 경력 단계는 { $yours }입니다.
reason-language-met = { $language } { $required } 이상이 필요하며, 내 수준은 { $yours }입니다.
reason-language-short = { $yours ->
    [none] { $language } { $required } 이상이 필요하지만, 내 사용 언어에 없습니다.
   *[other] { $language } { $required } 이상이 필요하지만, 내 수준은 { $yours }입니다.
}
reason-kind-sought = { $kind }: 내가 찾는 공고 유형입니다.
reason-kind-not-sought = { $kind }: 내가 찾는 공고 유형이 아닙니다.
reason-country-sought = 근무 국가: { $country } (내가 선택한 국가)
reason-country-not-sought = 근무 국가: { $country } (내가 선택하지 않은 국가)
reason-starts-when-available = { $start }에 시작하며, 참여 가능한 시기입니다.
reason-starts-too-early = { $start }에 시작하여, 참여 가능 시작일({ $available })보다 이릅니다.
reason-field-shared = 내 연구 분야: { $field }
reason-funded = 체재비를 지원합니다.
reason-shortfall = 부족한 점:
reason-list = 이 공고를 추천한 이유
for-you-title = 나에게 맞는 공고
for-you-intro = 내 프로필을 바탕으로 모든 언어의 공고에서 골랐습니다. 공고마다 맞는 점과 부족한 점을 함께 보여 드립니다.
for-you-empty = 아직 내 프로필에 맞는 공고가 없습니다. 키워드나 연구 관심 분야를 더 적어 보세요.
for-you-no-profile = 연구 분야를 알려 주시면 한국어, 영어, 프랑스어 공고를 추천해 드립니다.
for-you-write-profile = 프로필 작성하기
for-you-dismiss = 관심 없음
for-you-dismiss-label = 관심 없음: { $title }
for-you-dismissed = 이 공고는 더 이상 추천하지 않습니다.
feed-deadline = 마감일: { $date }
feed-subscribe = 이 검색 구독하기 (Atom 피드)
reason-little-said = 지원할 수 있는 공고입니다. 프로필에 키워드, 연구 관심 분야, 사용 언어를 적으면 얼마나 맞는지 알려 드립니다.
nav-alerts = 내 알림
alert-frequency = 받는 주기
alert-frequency-daily = 매일
alert-frequency-weekly = 매주
alert-words = ‘{ $words }’
alert-language-required = { $language } 필요
alert-deadline-from = 마감 { $date }부터
alert-deadline-to = 마감 { $date }까지
alert-every-opening = 모든 새 공고
alert-profile = 내 프로필에 맞는 새 공고
alert-error-unconfirmed = 알림을 받을 수 있도록 먼저 이메일 주소를 인증해 주세요.
alert-error-no-profile = 먼저 프로필을 작성해 주세요. 이 알림은 프로필에 맞는 공고를 보내 드립니다.
alert-error-search = 이 검색은 이대로 저장할 수 없습니다. 공고 목록에서 다시 검색한 뒤 저장해 주세요.
alert-error-frequency = 매일 또는 매주 중에서 골라 주세요.
audit-action-alert-saved = 알림 설정
audit-action-alert-deleted = 알림 삭제
save-search-title = 새 공고를 이메일로 받기
save-search-sign-in = 로그인하면 이 검색의 새 공고를 이메일로 받을 수 있습니다
save-search-button = 이 검색 저장하기
alerts-title = 내 알림
alerts-intro = 알림마다 지난번 이메일 이후 게시된 공고를 매일 또는 매주 이메일로 보내 드립니다. 새 공고가 없으면 이메일을 보내지 않습니다.
alerts-saved = 알림을 저장했습니다. 지금부터 게시되는 공고를 첫 이메일로 보내 드립니다.
alerts-changed = 알림을 변경했습니다.
alerts-deleted = 알림을 삭제했습니다.
alerts-list-title = 저장한 알림
alerts-empty = 아직 알림이 없습니다. 공고를 검색한 뒤 결과 아래의 ‘이 검색 저장하기’를 눌러 주세요.
alerts-find = 공고 검색하기
alerts-next = 다음 이메일:
alerts-change = 변경
alerts-delete = 삭제
alerts-delete-label = 알림 삭제: { $alert }
alerts-profile-title = 내 프로필에 맞는 새 공고
alerts-profile-intro = 내 프로필에 맞는 새 공고를 어떤 점이 맞는지와 함께 이메일로 받아 보세요.
alerts-profile-button = 이 공고들을 이메일로 받기
unsubscribe-title = 수신 거부
unsubscribe-confirm = { $alert } 알림의 이메일을 더 이상 받지 않으시겠습니까?
unsubscribe-button = 수신 거부하기
unsubscribe-done = 완료되었습니다. 이 알림은 더 이상 이메일을 보내지 않습니다.
unsubscribe-manage = 다른 알림 보기
unsubscribe-gone = 이미 삭제된 알림입니다. 수신 거부가 이미 처리되었습니다.
digest-subject-search = 검색 { $search }에 맞는 새 공고 { $count }건
digest-subject-profile = 내 프로필에 맞는 새 공고 { $count }건
digest-intro-search = 지난번 이메일 이후 게시된 공고 중 검색 { $search }에 맞는 공고입니다.
digest-intro-profile = 지난번 이메일 이후 게시된 공고 중 내 프로필에 맞는 공고입니다.
digest-item =
    { $title }
    { $institution }, { $country } · 마감일: { $deadline }
    { $link }
digest-more = Passerelle에서 { $count }건을 더 볼 수 있습니다: { $link }
digest-see-all = Passerelle에서 보기: { $link }
digest-why-daily = Passerelle에서 이 알림을 설정하셨기 때문에, 새 공고가 있는 날마다 이 이메일을 보내 드립니다.
digest-why-weekly = Passerelle에서 이 알림을 설정하셨기 때문에, 새 공고가 있는 주마다 이 이메일을 보내 드립니다.
digest-body =
    { $name }님, 안녕하세요.

    { $intro }

    { $openings }

    { $more }

    { $why }
    내 알림: { $alerts }
    이 알림 수신 거부(클릭 한 번): { $unsubscribe }

    — Passerelle 팀
audit-action-candidate-invited = 후보자에게 지원 요청
candidate-reason-keyword = 이 공고의 키워드 “{ $yours }”: 후보자의 프로필에 나옵니다.
candidate-reason-keyword-translated = 이 공고의 키워드 “{ $yours }”: 후보자 프로필의 “{ $theirs }”에 해당합니다.
candidate-reason-interest = 이 공고의 “{ $yours }”: 후보자의 프로필에도 나옵니다.
candidate-reason-interest-translated = 이 공고의 “{ $yours }”: 후보자 프로필의 “{ $theirs }”에 해당합니다.
candidate-reason-meaning = 이 공고와 주제가 가깝습니다.
candidate-reason-stage-match = 이 공고가 찾는 경력 단계입니다: { $stage }.
candidate-reason-stage-mismatch = 경력 단계가 { $yours }입니다. 이 공고는 { $wanted } 대상입니다.
candidate-reason-language-met = { $language } { $required } 필요, 지원자 수준: { $yours }.
candidate-reason-language-short = { $yours ->
    [none] { $language } { $required } 필요, 프로필에 없는 언어입니다.
   *[other] { $language } { $required } 필요, 지원자 수준: { $yours }.
}
candidate-reason-kind-sought = { $kind }: 찾고 있는 공고 유형입니다.
candidate-reason-kind-not-sought = { $kind }: 찾고 있는 공고 유형이 아닙니다.
candidate-reason-country-sought = 근무 국가 { $country }: 원하는 국가입니다.
candidate-reason-country-not-sought = 근무 국가 { $country }: 원하는 국가가 아닙니다.
candidate-reason-starts-when-available = { $start } 시작, 참여 가능한 시기입니다.
candidate-reason-starts-too-early = { $start } 시작, 참여 가능일({ $available })보다 이릅니다.
candidate-reason-field-shared = 같은 분야: { $field }.
candidate-reason-funded = 체재비를 지원합니다.
candidate-reason-little-said = 프로필 내용이 적어 이 공고와 맞는지 판단하기 어렵습니다.
candidates-title = 추천 후보자
candidates-intro = 인증 기관에 프로필을 공개한 연구자 가운데 이 공고에 맞는 사람을 모든 언어에서 골랐습니다. 후보자마다 맞는 점과 부족한 점을 함께 보여 드립니다. 이미 지원한 사람은 지원서 페이지에 있습니다.
candidates-not-verified = 프로필은 인증 기관에만 공개됩니다. Passerelle이 기관을 인증하면 이곳에 추천 후보자가 나타납니다.
candidates-none = 아직 이 공고에 맞는 프로필이 없습니다.
candidates-link = 추천 후보자
candidates-reasons = 추천 이유
candidates-cv = 이력서 (PDF)
candidates-invite = 지원 요청하기
candidates-invite-label = { $name } 님에게 지원 요청하기
candidates-invited = 지원 요청함
candidates-invited-notice = 지원 요청을 보냈습니다. 후보자가 사용하는 언어로 이메일이 전달됩니다.
mail-invited-subject = Passerelle에서 지원 요청이 도착했습니다
mail-invited-body =
    { $name }님, 안녕하세요.

    { $institution }에서 Passerelle의 프로필을 보고 “{ $title }” 공고에 지원해 주시기를 요청했습니다.

    { $link }

    프로필을 인증 기관에 공개하도록 설정하셨기 때문에 이 이메일을 보내 드립니다. 공개 범위는 프로필 페이지에서 바꿀 수 있습니다.

    — Passerelle 팀

## Matching rounds
nav-rounds = 매칭 라운드
rounds-title = 매칭 라운드
rounds-intro = 매칭 라운드에서는 연구자가 지원한 공고에 순위를 매기고, 각 공고도 지원자에게 순위를 매깁니다. Passerelle은 안정적인 결과를 찾습니다. 즉, 서로가 지금의 결과보다 상대를 더 원하는 연구자와 공고는 없습니다.
rounds-none = 아직 참여하는 매칭 라운드가 없습니다.
rounds-new = 라운드 만들기
round-title = 매칭 라운드
not-found-round = 이 라운드가 없거나 참여하지 않는 라운드입니다.
round-state-open = 진행 중
round-state-solved = 결과 산출됨
round-state-published = 결과 발표됨
round-phase-applications = 지원을 받는 중입니다. 지금도 순위를 매길 수 있습니다.
round-phase-ranking = 지원이 마감되었고 순위를 받는 중입니다.
round-phase-closed = 순위 제출이 마감되어 결과를 계산하고 있습니다.
round-phase-solved = 결과가 나왔으며 발표일에 전달됩니다.
round-phase-published = 결과가 발표되었습니다.
round-applications-close = 지원 마감
round-rankings-close = 순위 제출 마감
round-results-at = 결과 발표
round-max-ranking = 순위 목록 최대 길이
round-max-ranking-hint = 연구자 한 명이 순위를 매길 수 있는 공고 수입니다(1~50).
round-time-hint = 날짜와 시간은 UTC 기준입니다.
round-new-title = 매칭 라운드 만들기
round-new-intro = 참여할 공고와 공고별 자리 수를 고르세요. 이 공고에 Passerelle로 지원한 연구자가 참여합니다.
round-new-forbidden = 매칭 라운드는 플랫폼 관리자와 기관 관리자만 만들 수 있습니다.
round-new-no-openings = 아직 Passerelle로 지원서를 받은 공고가 없습니다.
round-scramble-title = 2차 라운드: 남은 자리
round-scramble-intro = 1차 라운드에서 채워지지 않은 자리를, 매칭되지 않은 연구자에게 제안합니다. 이분들은 이 공고 중 어느 것에나 순위를 매길 수 있습니다.
round-name = 라운드 이름
round-name-fr = 프랑스어
round-name-en = 영어
round-name-ko = 한국어
round-openings = 참여 공고
round-openings-hint = 참여하는 공고마다 자리 수를 입력해 주세요. 참여하지 않는 공고는 비워 두세요.
round-opening = 공고
round-institution = 기관
round-places = { $places }자리
round-places-column = 자리 수
round-filled = 채워진 자리
round-ranking-status = 순위
round-create = 라운드 만들기
round-created-notice = 라운드가 만들어졌습니다. 참여자는 지금부터 순위를 매길 수 있습니다.
round-error-name = 라운드 이름을 한 가지 이상의 언어로 입력해 주세요.
round-error-places = 자리 수는 1 이상, 남은 자리 수 이하로 입력해 주세요.
round-error-no-openings = 공고를 하나 이상 고르고 자리 수를 입력해 주세요.
round-error-max-ranking = 1에서 50 사이의 숫자를 입력해 주세요.
round-error-time = 날짜와 시간을 입력해 주세요. 예: 2027-03-01 12:00
round-error-past = 이미 지난 날짜입니다.
round-error-order = 날짜는 지원 마감, 순위 제출 마감, 결과 발표 순서여야 합니다.
round-error-tie = 같은 순위에 두 항목이 있습니다. 순위에는 동률이 없습니다.
round-error-too-long = 이 라운드에서 허용하는 것보다 순위 목록이 깁니다.
round-error-closed = 이 라운드의 순위 제출이 마감되어 아무것도 바뀌지 않았습니다.
round-error-instance = 이 라운드의 순위로 결과를 계산하지 못했습니다.
round-your-ranking = 내 순위
round-rank-hint = 받아들일 수 있는 공고마다 순위를 정해 주세요. 1이 첫째 선택이며 최대 { $max }개까지 정할 수 있습니다. 나머지는 순위 없음으로 두세요. 순위 제출 마감 전까지 언제든 바꿀 수 있습니다. 실제로 원하는 순서대로 매기는 것이 언제나 가장 유리합니다.
round-rank-applicants-hint = 받아들일 수 있는 지원자마다 순위를 정해 주세요. 1이 첫째 선택입니다. 나머지는 수용 불가로 표시하세요.
round-position-of = { $title }의 순위
round-not-ranked = 순위 없음
round-not-acceptable = 수용 불가
round-save-ranking = 순위 저장
round-ranked-notice = 순위를 저장했습니다.
round-reminder = 아직 순위를 매기지 않았습니다. 순위가 없으면 이 라운드에 참여할 수 없습니다.
round-wait-results = 순위가 확정되었습니다. 결과는 위의 발표일에 나옵니다.
round-your-result = 내 결과
round-matched = “{ $title }”({ $institution }) 공고와 매칭되었습니다.
round-unmatched = 이번 라운드에서는 매칭되지 않았습니다.
round-result-not-ranked = 이번 라운드에 순위를 제출하지 않았습니다.
round-why = 더 높은 순위로 둔 공고와 매칭되지 않은 이유
round-why-not-ranked = 이 기관이 회원님에게 순위를 매기지 않았습니다.
round-why-no-ranking = 이 기관이 마감까지 순위를 제출하지 않았습니다.
round-why-filled = 이 기관이 더 높은 순위로 둔 지원자로 { $places }자리를 모두 채웠습니다.
round-stable = 이 결과는 안정적입니다. 회원님이 결과보다 높은 순위로 둔 공고 가운데, 이미 받은 사람 대신 회원님을 택했을 공고는 없습니다.
round-your-token = 공개된 라운드에서 회원님의 토큰:
round-opening-ranked = 순위 제출됨
round-opening-unranked = 순위 미제출
round-no-applicants = 아직 순위를 매길 지원자가 없습니다.
round-places-left = { $places }자리 중 { $left }자리가 남았습니다.
round-coordination = 라운드 운영
round-ranked-participants = 연구자 { $count }명이 순위를 제출했습니다.
round-matched-count = 매칭됨: { $matched }명. 매칭되지 않음: { $unmatched }명.
round-unranked-openings = 순위를 제출하지 않은 공고(아무도 받지 않게 됩니다):
round-close = 지금 순위 제출을 마감하고 결과 계산하기
round-closed-notice = 순위 제출을 마감하고 결과를 계산했습니다.
round-publish = 지금 결과 발표하기
round-published-notice = 참여자에게 결과를 보냈습니다.
round-anonymise = 익명화한 라운드 공개하기
round-anonymised-notice = 익명화한 라운드를 공개했습니다. 참여자는 각자 자기 토큰을 볼 수 있습니다.
round-scramble = 남은 자리로 2차 라운드 열기
round-second-of = 이 라운드는 다음 라운드에서 남은 자리를 제안합니다:
round-first = 1차 라운드
round-publication = 이 라운드 검증하기
round-publication-intro = 이름을 모두 토큰으로 바꾼 이 라운드의 순위와 결과입니다. 누구든 Passerelle로 결과가 안정적인지 확인할 수 있습니다.
round-instance = 순위(instance.json)
round-result = 결과(result.json)
audit-action-round-created = 라운드 생성
audit-action-round-ranked = 순위 제출
audit-action-round-solved = 라운드 결과 산출
audit-action-round-published = 라운드 결과 발표
audit-action-round-anonymised = 익명화한 라운드 공개
mail-round-solved-subject = 매칭 라운드 결과 산출: { $round }
mail-round-solved-body =
    { $name }님, 안녕하세요.

    “{ $round }”의 순위 제출이 마감되어 결과를 계산했습니다. 매칭 { $matched }명, 매칭되지 않음 { $unmatched }명입니다. { $unranked ->
        [0] 모든 공고가 순위를 제출했습니다.
       *[other] 공고 { $unranked }개가 순위를 제출하지 않아 아무도 받지 않았습니다.
    }

    { $link }

    — Passerelle 팀
mail-round-matched-subject = 매칭 결과: { $round }
mail-round-matched-body =
    { $name }님, 안녕하세요.

    “{ $round }”의 결과가 나왔습니다. { $opening } 공고와 매칭되었습니다.

    결과와 설명 보기: { $link }

    — Passerelle 팀
mail-round-unmatched-subject = 매칭 결과: { $round }
mail-round-unmatched-body =
    { $name }님, 안녕하세요.

    “{ $round }”의 결과가 나왔습니다. 이번 라운드에서는 매칭되지 않았습니다. 결과 페이지에서 순위를 매긴 공고마다 그 이유를 볼 수 있습니다.

    { $link }

    — Passerelle 팀
mail-round-results-subject = 라운드 결과: { $round }
mail-round-results-body =
    { $name }님, 안녕하세요.

    “{ $round }”의 결과가 나왔습니다. 기관 공고와 매칭된 사람을 확인해 보세요.

    { $link }

    — Passerelle 팀
mail-round-reminder-subject = 순위 제출 마감 임박: { $round }
mail-round-reminder-body =
    { $name }님, 안녕하세요.

    “{ $round }”의 순위 제출이 { $close }에 마감되는데, 아직 순위를 제출하지 않으셨습니다. 순위가 없으면 결과에 포함되지 않습니다.

    { $link }

    — Passerelle 팀

ranking-up = 위로 이동: { $title }
ranking-down = 아래로 이동: { $title }
ranking-moved = { $title }: { $position }위
ranking-left-out = { $title }: 순위에서 뺐습니다.
mail-round-opened-subject = 매칭 라운드 안내: { $round }
mail-round-opened-body =
    { $name }님, 안녕하세요.

    “{ $round }” 매칭 라운드에 참여하게 되었습니다. 연구자는 지원한 공고에, 각 공고는 지원자에게 순위를 매기고, Passerelle이 안정적인 결과를 계산합니다. 순위 제출은 { $close }에 마감됩니다.

    라운드 페이지에서 순위를 매겨 주세요: { $link }

    — Passerelle 팀
round-waiting = 순위 제출을 기다리는 매칭 라운드:
round-rank-before = { $close } 전에 순위를 제출해 주세요.

## 협력 기관을 위한 JSON API 안내 페이지 (/api/v1/docs)

api-docs-title = Passerelle JSON API
api-docs-intro = 공개된 모든 엔드포인트와 그 매개변수, 응답을 영어로 설명합니다. 프로그램에서는 같은 내용을 OpenAPI 3.1 문서로 읽을 수 있습니다:
api-docs-parameters = 매개변수
api-docs-name = 이름
api-docs-meaning = 설명
api-docs-answers = 응답

## 공고 카드

card-deadline = 마감일:
card-new = 새 공고
card-by-meaning = 검색어와 표현은 다르지만 뜻이 가까운 공고입니다.
card-closing-soon = 마감 임박

## 공고 저장하고 공유하기

opening-more-from = { $institution }의 다른 공고
opening-more-from-all = 이 기관의 공고 모두 보기
opening-add-to-calendar = 마감일을 내 캘린더에 추가
opening-share-email = 이메일로 이 공고 보내기
opening-copy-link = 링크 복사
opening-link-copied = 링크를 복사했습니다.
calendar-deadline-summary = 마감일: { $title }

## 저장한 공고
nav-saved = 저장한 공고
saved-title = 저장한 공고
saved-private = 이 목록은 본인만 볼 수 있습니다. 기관이 마감한 공고는 목록에서 빠집니다.
saved-empty = 아직 저장한 공고가 없습니다.
saved-remove = 삭제
saved-remove-label = 저장한 공고에서 삭제: { $title }
saved-removed = 저장한 공고에서 삭제했습니다.
opening-keep = 이 공고 저장
opening-unkeep = 저장한 공고에서 삭제
opening-kept = 저장했습니다. 저장한 공고에서 다시 볼 수 있습니다.
opening-keep-sign-in = 로그인하고 이 공고 저장하기
audit-action-opening-bookmarked = 공고 저장
audit-action-bookmark-removed = 저장한 공고 삭제
card-closed = 마감

## 소속 기관 추가
institution-add-title = 소속 기관 추가
institution-add-intro = 소속 기관이 아직 Passerelle에 없다면 이메일 주소의 도메인으로 추가하세요. 추가한 분이 기관 관리자가 되며, 같은 도메인의 이메일 주소를 가진 동료도 가입할 수 있습니다. Passerelle 팀이 새 기관을 하나하나 확인하며, 확인 전까지 기관의 공고는 검토를 거친 뒤 게시됩니다.
institution-add-name = 기관 이름
institution-add-domain = 기관 웹 도메인
institution-add-submit = 소속 기관 추가
institution-add-webmail = 소속 기관을 추가하려면 기관 이메일 주소를 사용하세요. Passerelle은 웹 도메인으로 기관을 구분합니다.
institution-add-error-domain = 이메일 주소의 도메인 중 하나를 선택하세요.
institution-add-error-listed = 이 도메인의 기관이 이미 Passerelle에 있습니다. 내 계정에서 가입하세요.
account-notice-added = 소속 기관이 Passerelle에 추가되었고, 관리자로 등록되었습니다. Passerelle 팀이 곧 확인합니다.
audit-action-institution-added = 첫 관리자가 기관을 추가함
saved-count = 저장한 공고 { $count }건

# Passerelle — English (reference locale)

## Site

site-name = Passerelle
site-tagline = Research exchanges between Korea, Quebec and beyond
skip-to-content = Skip to main content
nav-main = Main
nav-home = Home
nav-openings = Openings
nav-language = Language
language-switch-to = Read this page in { $language }
footer-about = Passerelle is open-source software. Openings are published by the institutions that offer them.

## Languages (names in this locale; language-self is this locale's own name)

language-self = English
language-level = { $language }, level { $level }

## Home

home-title = Find your next research exchange
home-intro = Passerelle brings together researchers, students and institutions such as KAIST, Université de Sherbrooke, KRISS and Mila around visiting stays, internships, PhD exchanges, postdocs, joint projects and summer schools.
home-point-languages = Search in English, French or Korean: openings written in any of the three are found.
home-point-institutions = Openings come straight from the institutions, with deadlines, funding and language requirements spelt out.
home-point-free = Free and open source, for researchers and institutions alike.
home-recent = Recently published
home-browse-all =
    { $count ->
        [one] Browse the one open opening
       *[other] Browse all { $count } open openings
    }
meta-description = Research exchange openings in Korea, Quebec and beyond: visiting stays, internships, PhD exchanges and postdocs, in English, French and Korean.

## Search

search-label = Search openings
search-placeholder = e.g. quantum computing, batteries
search-submit = Search
openings-title = Research openings
openings-results-for = Results for “{ $query }”
openings-also-searched = Also searched in other languages:
openings-count =
    { $count ->
        [0] No open openings
        [one] One open opening
       *[other] { $count } open openings
    }
openings-none = No opening matches your search. Try other or fewer words.
openings-sorted-by-deadline = Sorted by deadline, soonest first.

## Filters

filters-title = Refine
filters-active = { $count ->
    [one] (1 in use)
   *[other] ({ $count } in use)
}
filter-country = Country
filter-sort = Sort by
filter-any-kind = All types
filter-any-stage = All career stages
filter-any-field = All fields
filter-any-country = All countries
filter-option-count = { $label } ({ $count })
filter-closed = Include closed openings
filter-institution = Institution
filter-any-institution = All institutions
filter-language = Language required
filter-any-language = Any language
filter-funding = Funding
filter-any-funding = Funded or not
filter-funded-yes = With a stipend
filter-funded-no = Without a stipend
filter-deadline-from = Deadline from
filter-deadline-to = Deadline until
filter-apply = Apply filters
search-suggestions = Suggestions
search-suggestions-count = { $count ->
    [one] One suggestion; use the up and down arrows to choose it.
   *[other] { $count } suggestions; use the up and down arrows to choose one.
}
sort-relevance = Relevance
sort-deadline = Deadline, soonest first
sort-newest = Newest first

## Pagination

pagination-label = Result pages
pagination-previous = Previous page
pagination-next = Next page
pagination-status = Page { $page } of { $pages }
pagination-goto = Page { $page }

## An opening

opening-details = Details
opening-deadline = Deadline
opening-deadline-note = (until the end of that day, anywhere on Earth)
opening-days-left =
    { $days ->
        [0] closes today
        [one] 1 day left
       *[other] { $days } days left
    }
opening-closed = This opening is closed: its deadline has passed.
opening-kind = Type
opening-institution = Institution
opening-location = Location
opening-career-stages = Career stage
opening-fields = Fields of research
opening-start = Start date
opening-duration = Duration
opening-duration-months =
    { $months ->
        [one] 1 month
       *[other] { $months } months
    }
opening-positions = Places
opening-funding = Funding
opening-no-stipend = No stipend
opening-travel-covered = Travel covered
opening-travel-not-covered = Travel not covered
opening-housing-covered = Housing covered
opening-housing-not-covered = Housing not covered
opening-languages-required = Languages required
opening-no-language-required = No language requirement
opening-keywords = Keywords
opening-apply = Apply on the institution’s site
opening-contact = Contact
opening-published = Published on { $date }
opening-original-note = This opening has not been translated into English. It is shown in its original language, { $language }.
opening-read-in = Read this opening in
opening-back = Back to the openings
summary-funded = Funded
summary-written-in = In { $language }

## Errors

not-found-title = Page not found
not-found-text = We could not find this page. The address may be mistyped, or the page may have moved.
not-found-opening = This opening does not exist or is no longer published.
not-found-institution = This institution is not on Passerelle.
institution-no-openings = This institution has no open opening at the moment.
institution-verified = Verified by Passerelle
not-found-home = Go to the home page
bad-request-title = Invalid request
bad-page-number = The page number must be a whole number, 1 or more.
bad-parameter = The address contains a value we cannot read, for “{ $param }”.
error-title = Something went wrong
error-text = The server could not complete your request. Please try again in a moment.

## Kinds of opening

kind-visiting-researcher = Visiting researcher
kind-internship = Research internship
kind-phd-exchange = PhD exchange
kind-postdoc = Postdoctoral position
kind-joint-project = Joint project
kind-summer-school = Summer school

## Career stages (EU researcher profiles)

stage-r1 = R1 – First-stage researcher (up to the PhD)
stage-r2 = R2 – Recognised researcher (PhD holder)
stage-r3 = R3 – Established researcher
stage-r4 = R4 – Leading researcher

## Language levels (CEFR)

cefr-a1 = A1 (beginner)
cefr-a2 = A2 (elementary)
cefr-b1 = B1 (intermediate)
cefr-b2 = B2 (upper intermediate)
cefr-c1 = C1 (advanced)
cefr-c2 = C2 (proficient)

## Stipend periods ($money is the formatted amount)

period-month = { $money } per month
period-year = { $money } per year
period-week = { $money } per week
period-day = { $money } per day
period-total = { $money } in total

## How often a stipend is paid, as the posting form offers it

period-choice-month = Monthly
period-choice-year = Yearly
period-choice-week = Weekly
period-choice-day = Daily
period-choice-total = Once (the whole amount)

## Money ($amount is already formatted)

money-cad = CA${ $amount }
money-krw = ₩{ $amount }
money-usd = US${ $amount }
money-eur = €{ $amount }
money-other = { $amount } { $currency }

## Dates

date-full = { $monthName } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Countries


## Fields of research and development (OECD)

field-1-1 = Mathematics
field-1-2 = Computer and information sciences
field-1-3 = Physical sciences
field-1-4 = Chemical sciences
field-1-5 = Earth and environmental sciences
field-1-6 = Biological sciences
field-1-7 = Other natural sciences
field-2-1 = Civil engineering
field-2-2 = Electrical, electronic and information engineering
field-2-3 = Mechanical engineering
field-2-4 = Chemical engineering
field-2-5 = Materials engineering
field-2-6 = Medical engineering
field-2-7 = Environmental engineering
field-2-8 = Environmental biotechnology
field-2-9 = Industrial biotechnology
field-2-10 = Nanotechnology
field-2-11 = Other engineering and technologies
field-3-1 = Basic medicine
field-3-2 = Clinical medicine
field-3-3 = Health sciences
field-3-4 = Medical biotechnology
field-3-5 = Other medical sciences
field-4-1 = Agriculture, forestry and fisheries
field-4-2 = Animal and dairy science
field-4-3 = Veterinary science
field-4-4 = Agricultural biotechnology
field-4-5 = Other agricultural sciences
field-5-1 = Psychology and cognitive sciences
field-5-2 = Economics and business
field-5-3 = Education
field-5-4 = Sociology
field-5-5 = Law
field-5-6 = Political science
field-5-7 = Social and economic geography
field-5-8 = Media and communications
field-5-9 = Other social sciences
field-6-1 = History and archaeology
field-6-2 = Languages and literature
field-6-3 = Philosophy, ethics and religion
field-6-4 = Arts
field-6-5 = Other humanities

## Accounts: navigation, forms and their problems

nav-account = Your account
nav-login = Sign in
nav-signup = Create an account
nav-logout = Sign out

form-email = Email address
form-password = Password
form-new-password = New password
form-password-hint = At least 10 characters. A phrase of a few words is easy to remember and hard to guess.
form-display-name = Your name
form-preferred-lang = Preferred language
form-preferred-lang-hint = We write to you in this language, and show you the site in it when you sign in.

form-problem-list = Fields to correct:
form-problem-item = { $field }: { $problem }
form-error-required = Please fill in this field.
form-error-email = Enter an email address such as name@university.edu.
form-error-email-taken = An account already uses this address. Sign in, or reset your password if you have forgotten it.
form-error-password-short = Your password needs at least 10 characters.
form-error-password-long = This password is too long. Please use fewer than 1,000 characters.
form-error-name-invalid = Please enter a name of at most 100 characters.
form-error-expired = This form was open too long or came from another site. Please send it again.
form-error-too-many = Too many attempts. Please wait a few minutes and try again.
form-error-busy = Too many people are signing in at this moment. Please try again in a few seconds.
form-error-forbidden = Your account cannot do this. If you think it should, ask an administrator of your institution.
form-error-stale = Someone else changed this in the meantime. Check the page as it is now, then try again.
form-error-gone = This no longer exists, or you cannot see it.
form-error-too-large = This form is larger than any form Passerelle accepts, so it could not be read. Please shorten the texts and send it again.
form-error-login-failed = The email address or password is incorrect.
form-error-suspended = This account is suspended. Please contact the Passerelle team.
form-error-link-expired = This link has expired or has already been used. Ask for a new one.

login-title = Sign in
login-submit = Sign in
login-forgot = Forgot your password?
login-no-account = New to Passerelle? Create an account
login-notice-confirmed = Your email address is confirmed. Sign in to continue.
login-notice-reset-sent = If an account uses this address, we have just sent it a link to choose a new password. The link works for one hour.
login-notice-reset-done = Your password has been changed. Sign in with your new password.
login-notice-link-expired = This link has expired or has already been used.

forgot-title = Reset your password
forgot-intro = Enter the email address of your account and we will send you a link to choose a new password.
forgot-submit = Send the link

signup-title = Create your account
signup-intro = Save searches, apply to openings and, if you work at a partner institution, post openings of your own.
signup-submit = Create my account
signup-have-account = Already have an account? Sign in

reset-title = Choose a new password
reset-submit = Save the new password

account-title = Your account
account-settings = Settings
account-save = Save
account-resend = Send the link again
account-email-confirmed = Your email address { $email } is confirmed.
account-email-unconfirmed = Please confirm your email address { $email } with the link we sent you.
account-notice-welcome = Welcome to Passerelle! We have sent a confirmation link to { $email }.
account-notice-sent = We have sent a new confirmation link to { $email }.
account-notice-confirmed = Thank you, your email address is confirmed.
account-notice-saved = Your settings have been saved.

## E-mails (plain text)

mail-confirm-subject = Confirm your email address for Passerelle
mail-confirm-body =
    Hello { $name },

    Thank you for joining Passerelle. Please confirm your email address by opening this link:

    { $link }

    The link works for two days. If you did not create an account, you can ignore this message.

    — The Passerelle team
mail-reset-subject = Choose a new Passerelle password
mail-reset-body =
    Hello { $name },

    Someone asked to reset the password of your Passerelle account. To choose a new one, open this link:

    { $link }

    The link works for one hour. If you did not ask for it, ignore this message: your password stays as it is.

    — The Passerelle team

## Institutions and the admin area

account-institutions = Your institutions
account-no-institution = Your address is not on the domain of any institution on Passerelle yet.
account-can-join = Your address is on the domain of { $institution }: join it to post its openings.
account-join = Join { $institution }
account-notice-joined = You are now a member of your institution.
account-role-member = member
account-role-admin = administrator
join-error-unconfirmed = Confirm your email address first: only a confirmed address shows which institution you belong to.
join-error-domain = Your email address is not on this institution's domain.
join-error-removed = An administrator of this institution has removed you from it. Ask one of its administrators to let you back in.

admin-title = Administration
admin-intro = Verify institutions, name their administrators, and follow every moderation and administration action in the audit log.
admin-nav = Administration
admin-forbidden-title = Access denied
admin-forbidden-text = This page is for the Passerelle team.
admin-institutions-title = Institutions
admin-col-institution = Institution
admin-col-domain = Domain
admin-col-members = Members
admin-col-openings = Openings
admin-col-verified = Verified
admin-col-make-admin = Institution administrator
admin-verified = Verified
admin-verify = Verify
admin-member-email = Member's email address
admin-make-admin = Make administrator
admin-error-not-member = No member of this institution uses that address.
admin-audit-title = Audit log
admin-audit-action = Action
admin-audit-any = Any action
admin-audit-actor = By (email address)
admin-audit-empty = Nothing has been recorded yet.
admin-audit-system = Passerelle
admin-col-when = When
admin-col-who = Who
admin-col-action = Action
admin-col-target = Target
admin-col-detail = Details
audit-action-institution-verified = Institution verified
audit-action-member-joined = Member joined
audit-action-member-promoted = Member made administrator

## Reports and suspensions

report-title = Something wrong with this opening?
report-thanks = Thank you. The Passerelle team will look at your report.
report-sign-in = Sign in to report this opening
report-reason = Reason
report-reason-choose = Choose a reason
report-details = Details (optional)
report-submit = Report this opening
report-reason-misleading = Misleading or false information
report-reason-unavailable = Filled or withdrawn, but still listed
report-reason-discriminatory = Discriminatory
report-reason-spam = Spam or not a research opening
report-reason-other = Something else
form-error-choose = Please choose one.
form-error-too-long = This is too long.
admin-reports-title = Reports
admin-reports-empty = No report is waiting.
admin-col-opening = Opening
admin-col-reason = Reason
admin-col-reporter = Reported by
admin-col-decision = Decision
admin-resolve = Mark as handled
admin-accounts-title = Accounts
admin-accounts-search = Email address, or part of it
admin-col-status = Status
admin-suspended = Suspended
admin-active = Active
admin-unconfirmed = Address not confirmed
admin-reinstate = Reinstate
admin-suspend-reason = Reason for the suspension
admin-suspend = Suspend
admin-error-self = You cannot suspend your own account.
audit-action-account-suspended = Account suspended
audit-action-account-reinstated = Account reinstated
audit-action-report-resolved = Report handled

## Changing one's password

account-password = Password
account-password-save = Change the password
account-notice-password = Your password has been changed. Other devices signed in to your account have been signed out.
form-current-password = Current password
form-error-current-password = This is not your current password.

## Writing openings (members of an institution)

nav-postings = Your openings
nav-unseen-decisions = { $count ->
    [one] (one new decision)
   *[other] ({ $count } new decisions)
}
postings-title = Your openings
postings-new = Write a new opening
postings-empty = Your institution has no openings written on Passerelle yet.
postings-join-first = To post openings, first join your institution with an address on its domain.
postings-join-link = Join from your account page
posting-new-title = Write a new opening
posting-new-intro = Write it in one, two or all three languages: researchers searching in any of them will find it. Save a draft to preview it as researchers will see it.
posting-page-title = Opening
posting-edit-title = Edit the opening
posting-back = Back to the opening
posting-institution = Institution
posting-section-texts = Title and description
posting-texts-hint = Fill in at least the language the opening was first written in. A language you leave empty is simply not offered.
posting-original-language = Written first in
posting-text-in-fr = In French
posting-text-in-en = In English
posting-text-in-ko = In Korean
posting-tab-problem = (needs attention)
posting-title = Title
posting-description = Description
posting-markdown-hint = You can use Markdown: **bold**, *italics*, lists starting with “-”, headings starting with “##”, and links like [text](https://…).
posting-section-what = The opening
posting-kind = Kind of opening
posting-career-stages = Career stages
posting-fields = Fields of research
posting-keywords = Keywords
posting-keywords-hint = Separated by commas, for example: quantum sensing, NV centres
posting-section-where = Place and dates
posting-country = Country
posting-city = City
posting-deadline = Application deadline
posting-start = Start date
posting-duration = Duration in months
posting-duration-hint = From { $min } to { $max } months.
posting-positions = Number of places
posting-positions-hint = From { $min } to { $max }.
posting-section-funding = Funding
posting-stipend-hint = Leave the amount empty if there is no stipend.
posting-stipend-amount = Stipend amount
posting-stipend-currency = Currency
posting-stipend-period = Paid
posting-travel-covered = Travel costs are covered
posting-housing-covered = Housing is provided or paid for
posting-section-languages = Languages required
posting-languages-hint = Up to three languages, each with the level expected. Leave empty if none is required.
posting-language-code = Language
posting-language-level = Level
posting-section-apply = How to apply
posting-apply-url = Application page
posting-apply-url-hint = A web address starting with https://
posting-contact-email = Contact email address
form-choose = Choose…
posting-save-draft = Save draft and preview
posting-submit = Submit for publication
posting-submit-hint = Openings from institutions not yet verified by Passerelle, and changes to the text of published openings, are checked by a moderator before they appear.
posting-error-summary = Some fields need your attention. Each problem is shown next to its field.
posting-error-choose-some = Please choose at least one.
posting-error-text-pair = Please write both the title and the description in this language, or leave both empty.
posting-error-original-missing = The opening needs its title and description in the language it was first written in.
posting-error-keywords = Use at most 30 keywords of at most 100 characters each.
posting-error-language-code = Use a two-letter language code such as en, fr or ko.
posting-error-country = Use a two-letter country code such as KR, CA or FR.
posting-error-date = Enter a date such as 2027-03-01.
posting-error-deadline-past = The deadline has already passed.
posting-error-number = Enter a whole number in the allowed range.
posting-error-currency = Use a three-letter currency code such as KRW, CAD or EUR.
posting-error-url = Enter a web address starting with https://
posting-error-invalid = This opening could not be saved as it is. Please check every field.
posting-status-draft = Draft
posting-status-pending = Waiting for review
posting-status-published = Published
posting-status-rejected = Sent back by a moderator
posting-status-closed = Closed
posting-edit-status = changes: { $status }
posting-col-title = Title
posting-col-institution = Institution
posting-col-status = Status
posting-saved-draft = Your draft is saved. Below is how researchers will see it.
posting-saved-unfinished = Your draft is saved, though it is not complete yet. Finish it whenever you like: it waits for you under Your openings, and nobody else can see it.
posting-unfinished-title = Unfinished drafts
posting-unfinished-hint = New openings you saved before every field was filled in. Only you can see them.
posting-unfinished-untitled = Untitled draft
posting-unfinished-saved = saved
posting-unfinished-discard = Discard
posting-unfinished-too-many = You already have too many unfinished drafts. Finish or discard one under Your openings before saving another.
not-found-unfinished = This draft no longer exists: it was finished or discarded.
posting-saved-pending = Thank you. A moderator will review it shortly; you will be told of the decision here and by email.
posting-saved-published = It is published: researchers can find it now.
posting-saved-closed = The opening is closed. It no longer appears in searches.
posting-live-note = Researchers keep seeing the published version until your changes are approved.
posting-edit-published-note = This opening is published. Changes to dates, funding or places show at once; changes to its title, description or keywords are reviewed first.
posting-edit = Edit
posting-close = Close this opening
posting-public-page = See its public page
posting-preview = Preview: as researchers will see it
opening-withdrawn = The institution has closed this opening.
not-found-posting = This opening does not exist, or you cannot see it.
decisions-title = Moderators’ decisions
decision-new = New
decision-approved = Approved.
decision-rejected = Sent back:

## Moderation

admin-review-title = Openings to review
review-intro = New openings from unverified institutions, and changes to the text of published openings, oldest first. Open one to read it and decide.
review-empty = Nothing is waiting for review.
review-decided = Your decision has been recorded and sent to the poster.
review-col-change = Change
review-change-new = New opening
review-change-edit = Changes to a published opening
review-unverified = not verified
review-decide = Your decision
review-reason = Reason, if you send it back
review-reason-hint = The poster reads the reason in their own language.
review-note = Note to the poster (optional)
review-approve = Approve
review-reject = Send back
reject-reason-incomplete = Important information is missing or unclear.
reject-reason-translations = The versions in different languages do not say the same thing.
reject-reason-not-research = This is not a research exchange opening.
reject-reason-misleading = Part of the text is misleading.
reject-reason-wrong-institution = It is not posted under the right institution.
reject-reason-duplicate = The same opening is already listed.
reject-reason-other = Another reason, explained in the note.
audit-action-opening-submitted = Opening submitted
audit-action-opening-approved = Opening approved
audit-action-opening-rejected = Opening sent back
audit-action-opening-closed = Opening closed
audit-action-report-filed = Opening reported
mail-approved-subject = Your opening is published on Passerelle
mail-approved-body =
    Hello { $name },

    A moderator has approved “{ $title }”. Researchers can find it now.

    { $link }

    — The Passerelle team
mail-rejected-subject = Your opening needs changes before publication
mail-rejected-body =
    Hello { $name },

    A moderator has sent back “{ $title }”.

    Reason: { $reason }
    Note from the moderator: { $note }

    You can change it and submit it again here:

    { $link }

    — The Passerelle team

## An institution's members

members-title = Members
members-heading = Members of { $institution }
members-intro = Everyone here can write openings for the institution. Administrators can also edit and close any of its openings and manage this list.
members-saved = The change has been saved.
members-col-role = Role
members-col-joined = Joined
members-role-admin = Administrator
members-role-member = Member
members-make-admin = Make administrator
members-remove = Remove from the institution
audit-action-member-removed = Member removed
members-removed-heading = Removed members
members-removed-intro = They cannot join the institution again until an administrator lets them back in.
members-col-removed = Removed
members-readmit = Let back in
audit-action-member-readmitted = Member let back in

## Profiles and applications

nav-applications = Your applications
nav-profile = Your profile
form-error-summary = Some fields need your attention: see the messages beside them.
form-error-control = Remove the invisible control characters from what you pasted.
audit-action-profile-saved = Profile saved
audit-action-cv-uploaded = CV uploaded
audit-action-application-sent = Application sent
audit-action-application-moved = Application status changed
audit-action-application-withdrawn = Application withdrawn
audit-action-opening-dismissed = Opening set aside from recommendations
visibility-nobody = Nobody for now (institutions you apply to see only your letter and CV)
visibility-applied-to = Only the institutions I apply to
visibility-verified = Every verified institution on Passerelle
application-status-received = Received
application-status-under-review = Under review
application-status-shortlisted = Shortlisted
application-status-offer-made = Offer made
application-status-accepted = Offer accepted
application-status-declined = Offer declined
application-status-not-retained = Not retained
application-status-withdrawn = Withdrawn
profile-title = Your profile
profile-intro = Institutions read your profile with your applications. Write your research interests in the language you are most at ease in: Passerelle matches them across French, English and Korean.
profile-saved = Your profile is saved.
profile-section-research = Your research
profile-career-stage = Career stage
profile-fields = Fields of research
profile-keywords = Keywords
profile-keywords-hint = Separated by commas, for example: marine microbiology, coral reefs
profile-interests-hint = Your research interests, in one or more languages.
profile-interests-fr = Research interests in French
profile-interests-en = Research interests in English
profile-interests-ko = Research interests in Korean
profile-section-languages = Languages you speak
profile-languages-hint = Up to three languages, each with your level.
profile-section-looking = What you are looking for
profile-kinds = Kinds of openings
profile-countries = Countries
profile-countries-hint = Two-letter codes separated by commas, for example CA, FR, KR. Leave empty for any country.
profile-available-from = Available from
profile-section-links = Links
profile-orcid = ORCID iD
profile-orcid-hint = For example 0000-0002-1825-0097.
profile-website = Web page
profile-visibility = Who may see your profile and CV
profile-save = Save the profile
profile-error-too-many = Twenty keywords at most.
profile-error-language = Use two-letter language codes such as en, fr or ko, up to ten languages.
profile-error-country = Use two-letter country codes such as CA, FR or KR, separated by commas.
profile-error-orcid = This is not a valid ORCID iD: check its sixteen characters (the last one may be X).
profile-error-website = Enter a web address starting with https://
profile-cv = Your CV
profile-cv-current = Current CV:
profile-cv-none = You have not uploaded a CV yet.
profile-cv-size = { $kilobytes } KB
profile-cv-file = CV (PDF)
profile-cv-hint = A PDF file of 5 MB at most. A new CV replaces this one for your next applications; those already sent keep the CV they were sent with.
profile-cv-upload = Upload the CV
profile-cv-saved = Your CV is saved.
cv-error-not-pdf = This file is not a PDF. Save your CV as a PDF and try again.
cv-error-too-large = This file is larger than 5 MB.
cv-error-empty = Choose a PDF file to upload.
opening-apply-here = Apply on Passerelle
apply-title = Apply on Passerelle
apply-intro = Write a short letter to the institution. It will receive it with your profile and your CV.
apply-sign-in = Sign in to apply
apply-letter = Your letter
apply-letter-hint = 5,000 characters at most, in French, English or Korean.
apply-letter-lang = Language of the letter
apply-profile-note = Your profile and CV go with your application.
apply-profile-link = Check your profile
apply-submit = Send my application
apply-already = You have applied to this opening. Status: { $status }.
apply-follow = Follow your applications
apply-error-unconfirmed = Confirm your email address first, so that the institution’s answer can reach you.
apply-error-elsewhere = This opening takes applications on the institution’s own site.
apply-error-closed = The deadline for this opening has passed.
apply-error-already = You have already applied to this opening.
apply-error-letter = Write a letter of 5,000 characters at most.
applications-title = Your applications
applications-sent = Your application is sent. You will get an email whenever its status changes.
applications-updated = Your answer is saved.
applications-empty = You have not applied to any opening yet.
applications-find = Find openings
applications-sent-on = Sent on
applications-status = Status:
applications-history = History
applications-message = Message from the institution:
applications-accept = Accept the offer
applications-decline = Decline the offer
applications-withdraw = Withdraw the application
applications-withdraw-hint = Withdrawing is final: you cannot apply to the same opening again.
posting-col-applications = Applications
posting-applications-link = See the applications
posting-apply-via = Where researchers apply
posting-apply-here = On Passerelle, with their profile, a letter and their CV
posting-apply-elsewhere = On our own application page or by email
received-title = Applications
received-back = Back to the opening
received-csv = Download as CSV
received-count = Matching applications: { $shown } of { $total }
received-all = All
received-status = Status
received-stage = Career stage
received-language = Speaks (code)
received-sort = Order
received-newest = Newest first
received-oldest = Oldest first
received-apply-filters = Show
received-no-profile = This researcher does not share a profile: only their letter and CV.
received-letter = Letter
received-cv = Download the CV
received-interests = Research interests
received-languages = Languages
received-move-to = Move to
received-message = Message to the researcher (optional)
received-message-hint = They will read it on Passerelle and in the email announcing the change.
received-move = Save the status
csv-id = Application
csv-name = Name
csv-email = Email
csv-status = Status
csv-sent = Sent
csv-stage = Career stage
csv-languages = Languages
csv-letter-lang = Letter language
csv-letter = Letter
mail-application-received-subject = Your application is sent
mail-application-received-body =
    Hello { $name },

    Your application to “{ $title }” has been sent to the institution. You will get an email whenever its status changes.

    Follow your applications here:

    { $link }

    — The Passerelle team
mail-application-status-subject = News about your application
mail-application-status-body =
    Hello { $name },

    Your application to “{ $title }” is now: { $status }.

    Message from the institution: { $message }

    { $link }

    — The Passerelle team
mail-application-reminder-subject = Applications are waiting for an answer
mail-application-reminder-body =
    Hello { $name },

    { $count ->
        [one] One application to “{ $title }” has been waiting
       *[other] { $count } applications to “{ $title }” have been waiting
    } for an answer for more than { $days } days. Researchers appreciate knowing where they stand, even when the answer is no.

    { $link }

    — The Passerelle team
applications-answer-days = { $days ->
    [one] This institution usually answers within a day.
   *[other] This institution usually answers within { $days } days.
}
posting-questions-hint = For applications on Passerelle: up to three questions researchers answer besides their letter, in the opening’s original language (leave empty for none).
posting-question-1 = First question for applicants
posting-question-2 = Second question
posting-question-3 = Third question
apply-error-answer = Answer this question in 2,000 characters at most.
received-answers = Answers to the opening’s questions
csv-answers = Answers
admin-waiting = Waiting for you
admin-waiting-review = { $count ->
    [0] No opening to review
    [one] One opening to review
   *[other] { $count } openings to review
}
admin-waiting-reports = { $count ->
    [0] No report to handle
    [one] One report to handle
   *[other] { $count } reports to handle
}
admin-waiting-institutions = { $count ->
    [0] No institution to verify
    [one] One institution to verify
   *[other] { $count } institutions to verify
}
admin-applications = Applications on Passerelle
admin-applications-week = { $count ->
    [one] One application sent in the last seven days.
   *[other] { $count } applications sent in the last seven days.
}
admin-profiles = { $count ->
    [one] One researcher keeps a profile.
   *[other] { $count } researchers keep a profile.
}
admin-count = Applications

## Recommendations: why an opening suits a researcher, or where it falls short

reason-keyword = Your keyword “{ $yours }” appears in this opening.
reason-keyword-translated = Your keyword “{ $yours }” matches “{ $theirs }”.
reason-interest = Your interests mention “{ $yours }”, as this opening does.
reason-interest-translated = Your interest “{ $yours }” matches “{ $theirs }”.
reason-meaning = Close in meaning to your keywords and interests.
reason-stage-match = Open to your career stage: { $stage }.
reason-stage-mismatch = For career stage { $wanted }; yours is { $yours }.
reason-language-met = { $language } { $required } required; you have { $yours }.
reason-language-short = { $yours ->
    [none] { $language } { $required } required; it is not among your languages.
   *[other] { $language } { $required } required; you have { $yours }.
}
reason-kind-sought = { $kind }: a kind of opening you are looking for.
reason-kind-not-sought = { $kind }: not among the kinds of opening you are looking for.
reason-country-sought = In { $country }, one of the countries you chose.
reason-country-not-sought = In { $country }, not among the countries you chose.
reason-starts-when-available = Starts on { $start }, when you are available.
reason-starts-too-early = Starts on { $start }, before you are available ({ $available }).
reason-field-shared = In your field: { $field }.
reason-funded = Comes with a stipend.
reason-shortfall = Shortfall:
reason-list = Why this opening
for-you-title = Openings for you
for-you-intro = Chosen for your profile, in every language: why each one fits, and where it falls short.
for-you-empty = No open opening matches your profile yet. Add keywords or research interests to widen the search.
for-you-no-profile = Tell us about your research and we will suggest openings in French, English and Korean.
for-you-write-profile = Fill in your profile
for-you-dismiss = Not for me
for-you-dismiss-label = Not for me: { $title }
for-you-dismissed = That opening will not be suggested to you again.
feed-deadline = Deadline: { $date }
feed-subscribe = Follow this search (Atom feed)
reason-little-said = Open to you; add keywords, research interests or languages to your profile to see how well it fits.
nav-alerts = Your alerts
alert-frequency = How often
alert-frequency-daily = Daily
alert-frequency-weekly = Weekly
alert-words = “{ $words }”
alert-language-required = { $language } required
alert-deadline-from = deadline from { $date }
alert-deadline-to = deadline until { $date }
alert-every-opening = every new opening
alert-profile = New openings for your profile
alert-error-unconfirmed = Confirm your email address first, so that your alerts can reach you.
alert-error-no-profile = Fill in your profile first: its openings are the ones this alert sends.
alert-error-search = This search cannot be saved as it is. Run it again from the list of openings, then save it.
alert-error-frequency = Choose daily or weekly.
audit-action-alert-saved = Alert set up
audit-action-alert-deleted = Alert deleted
save-search-title = New openings by email
save-search-sign-in = Sign in to get this search’s new openings by email
save-search-button = Save this search
alerts-title = Your alerts
alerts-intro = Each alert emails you the openings published since its last email, daily or weekly. An email with nothing new is never sent.
alerts-saved = Alert saved. Its first email will bring the openings published from now on.
alerts-changed = Alert updated.
alerts-deleted = Alert deleted.
alerts-list-title = Saved alerts
alerts-empty = You have no alerts yet. Search the openings, then choose “Save this search” below the results.
alerts-find = Search the openings
alerts-next = Next email:
alerts-change = Update
alerts-delete = Delete
alerts-delete-label = Delete the alert: { $alert }
alerts-profile-title = New openings for your profile
alerts-profile-intro = Get the new openings that suit your profile by email, with why each one fits.
alerts-profile-button = Email me these openings
unsubscribe-title = Unsubscribe
unsubscribe-confirm = Stop the emails of this alert: { $alert }?
unsubscribe-button = Unsubscribe
unsubscribe-done = Done: this alert will not email you again.
unsubscribe-manage = See your other alerts
unsubscribe-gone = This alert no longer exists: you are unsubscribed already.
digest-subject-search =
    { $count ->
        [one] A new opening for your search { $search }
       *[other] { $count } new openings for your search { $search }
    }
digest-subject-profile =
    { $count ->
        [one] A new opening for your profile
       *[other] { $count } new openings for your profile
    }
digest-intro-search = Openings published since our last email that match your search { $search }:
digest-intro-profile = Openings published since our last email that suit your profile:
digest-item =
    { $title }
    { $institution }, { $country } · deadline { $deadline }
    { $link }
digest-more =
    { $count ->
        [one] One more is on Passerelle: { $link }
       *[other] { $count } more are on Passerelle: { $link }
    }
digest-see-all = See them on Passerelle: { $link }
digest-why-daily = You get this email each day that brings new openings, because you saved this alert on Passerelle.
digest-why-weekly = You get this email each week that brings new openings, because you saved this alert on Passerelle.
digest-body =
    Hello { $name },

    { $intro }

    { $openings }

    { $more }

    { $why }
    Your alerts: { $alerts }
    Unsubscribe from this alert in one click: { $unsubscribe }

    — The Passerelle team
audit-action-candidate-invited = Candidate invited to apply
candidate-reason-keyword = This opening’s keyword “{ $yours }” is in their profile.
candidate-reason-keyword-translated = This opening’s keyword “{ $yours }” matches “{ $theirs }” in their profile.
candidate-reason-interest = Their profile mentions “{ $yours }”, as this opening does.
candidate-reason-interest-translated = “{ $yours }” in this opening matches “{ $theirs }” in their profile.
candidate-reason-meaning = Close in meaning to this opening.
candidate-reason-stage-match = At a career stage this opening is for: { $stage }.
candidate-reason-stage-mismatch = At career stage { $yours }; this opening is for { $wanted }.
candidate-reason-language-met = { $language } { $required } required; they have { $yours }.
candidate-reason-language-short = { $yours ->
    [none] { $language } { $required } required; it is not among their languages.
   *[other] { $language } { $required } required; they have { $yours }.
}
candidate-reason-kind-sought = { $kind }: a kind of opening they are looking for.
candidate-reason-kind-not-sought = { $kind }: not among the kinds of opening they are looking for.
candidate-reason-country-sought = In { $country }, one of the countries they chose.
candidate-reason-country-not-sought = In { $country }, not among the countries they chose.
candidate-reason-starts-when-available = Starts on { $start }, when they are available.
candidate-reason-starts-too-early = Starts on { $start }, before they are available ({ $available }).
candidate-reason-field-shared = In their field: { $field }.
candidate-reason-funded = Comes with a stipend.
candidate-reason-little-said = Their profile says little this opening can be judged on.
candidates-title = Candidates
candidates-intro = Researchers who show their profile to verified institutions, chosen for this opening in every language: why each one fits, and where they fall short. Researchers who applied already are on the applications page.
candidates-not-verified = Profiles are shown to verified institutions only. Once Passerelle has verified your institution, candidates will appear here.
candidates-none = No researcher’s profile matches this opening yet.
candidates-link = Candidates
candidates-reasons = Why this candidate
candidates-cv = CV (PDF)
candidates-invite = Invite to apply
candidates-invite-label = Invite { $name } to apply
candidates-invited = Invited to apply
candidates-invited-notice = Invitation sent. They will receive it by email, in their language.
mail-invited-subject = An invitation to apply on Passerelle
mail-invited-body =
    Hello { $name },

    { $institution } read your profile on Passerelle and invites you to apply to “{ $title }”.

    { $link }

    You get this email because your profile is shown to verified institutions. You can change that on your profile page.

    — The Passerelle team

## Matching rounds
nav-rounds = Matching rounds
rounds-title = Matching rounds
rounds-intro = In a matching round, researchers rank the openings they applied to, each opening ranks its applicants, and Passerelle finds a stable result: no researcher and opening would both rather have each other than what they got.
rounds-none = No matching round concerns you yet.
rounds-new = Create a round
round-title = Matching round
not-found-round = This round does not exist, or you have no part in it.
round-state-open = Open
round-state-solved = Solved
round-state-published = Results out
round-phase-applications = Applications are open; you can already rank.
round-phase-ranking = Applications are closed; rankings are open.
round-phase-closed = Rankings are closed; the result is being computed.
round-phase-solved = The result is computed; it will be sent on the results date.
round-phase-published = The results are out.
round-applications-close = Applications close
round-rankings-close = Rankings close
round-results-at = Results sent
round-max-ranking = Longest ranking
round-max-ranking-hint = How many openings a researcher may rank (1 to 50).
round-time-hint = Date and time in UTC.
round-new-title = Create a matching round
round-new-intro = Choose the openings taking part and their number of places. Researchers who applied to them through Passerelle take part.
round-new-forbidden = Only platform admins and the admins of an institution can create a matching round.
round-new-no-openings = None of your openings has received an application through Passerelle yet.
round-scramble-title = Second round: the places left
round-scramble-intro = Offer the places the first round left to the researchers it did not place. They can rank any of these openings.
round-name = Name of the round
round-name-fr = In French
round-name-en = In English
round-name-ko = In Korean
round-openings = Openings taking part
round-openings-hint = Number of places for each opening taking part; leave empty for the others.
round-opening = Opening
round-institution = Institution
round-places = { $places ->
    [one] 1 place
   *[other] { $places } places
}
round-places-column = Places
round-filled = Places filled
round-ranking-status = Ranking
round-create = Create the round
round-created-notice = The round is created. Participants can rank now.
round-error-name = Give the round a name in at least one language.
round-error-places = Enter a number of places between 1 and the number available.
round-error-no-openings = Choose at least one opening, with its number of places.
round-error-max-ranking = Enter a number between 1 and 50.
round-error-time = Enter a date and time, such as 2027-03-01 12:00.
round-error-past = This date has passed.
round-error-order = Dates must follow each other: applications close, then rankings close, then results are sent.
round-error-tie = Two items share this position. Rankings have no ties.
round-error-too-long = This ranking is longer than the round allows.
round-error-closed = The rankings of this round are closed; nothing was changed.
round-error-instance = The rankings of this round could not be solved.
round-your-ranking = Your ranking
round-rank-hint = Give each opening you would accept a position, 1 for your first choice, up to { $max } openings. Leave the others unranked. You can change your ranking until the rankings close. Ranking them in your true order of preference is always in your interest.
round-rank-applicants-hint = Give each applicant you would accept a position, 1 for your first choice. Mark the others as not acceptable.
round-position-of = Position of { $title }
round-not-ranked = Not ranked
round-not-acceptable = Not acceptable
round-save-ranking = Save the ranking
round-ranked-notice = Your ranking is saved.
round-reminder = You have not ranked yet. Without a ranking, you will not take part in this round.
round-wait-results = Your ranking is final. Results come on the date above.
round-your-result = Your result
round-matched = You are matched with “{ $title }” ({ $institution }).
round-unmatched = You were not matched in this round.
round-result-not-ranked = You did not submit a ranking in this round.
round-why = Why not an opening you ranked higher
round-why-not-ranked = its institution did not rank you.
round-why-no-ranking = its institution submitted no ranking by the deadline.
round-why-filled = { $places ->
    [one] its place went to an applicant it ranked higher.
   *[other] its { $places } places went to applicants it ranked higher.
}
round-stable = The result is stable: no opening you ranked higher than your result would have taken you instead of someone it received.
round-your-token = Your token in the published round:
round-opening-ranked = Ranking submitted
round-opening-unranked = No ranking submitted
round-no-applicants = No one to rank yet.
round-places-left = { $left } of { $places } places left.
round-coordination = Coordination
round-ranked-participants = { $count ->
    [one] 1 researcher has ranked.
   *[other] { $count } researchers have ranked.
}
round-matched-count = Matched: { $matched }. Not matched: { $unmatched }.
round-unranked-openings = Openings without a ranking (they will take no one):
round-close = Close the rankings now and compute the result
round-closed-notice = The rankings are closed and the result is computed.
round-publish = Send the results now
round-published-notice = The results are sent to the participants.
round-anonymise = Publish the anonymised round
round-anonymised-notice = The anonymised round is published. Each participant can see their token.
round-scramble = Offer the places left in a second round
round-second-of = This round offers the places left by
round-first = the first round
round-publication = Check this round
round-publication-intro = The round’s rankings and result, with every name replaced by a token. Anyone can check that the result is stable with Passerelle:
round-instance = Rankings (instance.json)
round-result = Result (result.json)
audit-action-round-created = Round created
audit-action-round-ranked = Ranking submitted
audit-action-round-solved = Round solved
audit-action-round-published = Round results sent
audit-action-round-anonymised = Round published anonymised
mail-round-solved-subject = Matching round computed: { $round }
mail-round-solved-body =
    Hello { $name },

    The rankings of “{ $round }” are closed and the result is computed: { $matched } matched, { $unmatched } not matched. { $unranked ->
        [0] Every opening submitted a ranking.
        [one] 1 opening submitted no ranking and took no one.
       *[other] { $unranked } openings submitted no ranking and took no one.
    }

    { $link }

    — The Passerelle team
mail-round-matched-subject = Your result: { $round }
mail-round-matched-body =
    Hello { $name },

    The results of “{ $round }” are out. You are matched with { $opening }.

    Your result and its explanation: { $link }

    — The Passerelle team
mail-round-unmatched-subject = Your result: { $round }
mail-round-unmatched-body =
    Hello { $name },

    The results of “{ $round }” are out. You were not matched in this round. Your result page says why for each opening you ranked.

    { $link }

    — The Passerelle team
mail-round-results-subject = Round results: { $round }
mail-round-results-body =
    Hello { $name },

    The results of “{ $round }” are out. See who is matched with your institution’s openings:

    { $link }

    — The Passerelle team
mail-round-reminder-subject = Rankings close soon: { $round }
mail-round-reminder-body =
    Hello { $name },

    The rankings of “{ $round }” close on { $close }, and you have not ranked yet. Without a ranking, you take no part in the result.

    { $link }

    — The Passerelle team

ranking-up = Move up: { $title }
ranking-down = Move down: { $title }
ranking-moved = { $title }: position { $position }.
ranking-left-out = { $title }: left out of the ranking.
mail-round-opened-subject = A matching round: { $round }
mail-round-opened-body =
    Hello { $name },

    You take part in the matching round “{ $round }”: researchers rank the openings they applied to, each opening ranks its applicants, and Passerelle computes a stable result. Rankings close on { $close }.

    Rank on the round’s page: { $link }

    — The Passerelle team
round-waiting = Matching rounds waiting for your ranking:
round-rank-before = rank before { $close }.

## The JSON API's page for partners (/api/v1/docs)

api-docs-title = Passerelle’s JSON API
api-docs-intro = Every public endpoint, with its parameters and answers. Programs read the same description as OpenAPI 3.1:
api-docs-parameters = Parameters
api-docs-name = Name
api-docs-meaning = Meaning
api-docs-answers = Answers

## Opening cards

card-deadline = Deadline:
card-new = New
card-by-meaning = Close in meaning to your search, though worded differently.
card-closing-soon = Closing soon

## Keeping an opening for later

opening-more-from = More from { $institution }
opening-more-from-all = All this institution’s openings
opening-add-to-calendar = Add the deadline to my calendar
opening-share-email = Send this opening by email
opening-copy-link = Copy the link
opening-link-copied = The link is copied.
calendar-deadline-summary = Deadline: { $title }

## Saved openings
nav-saved = Saved openings
saved-title = Saved openings
saved-private = Only you see this list. An opening its institution closes leaves it.
saved-empty = You have not saved any opening yet.
saved-remove = Remove
saved-remove-label = Remove from your saved openings: { $title }
saved-removed = The opening is no longer in your saved openings.
opening-keep = Save this opening
opening-unkeep = Remove from my saved openings
opening-kept = Saved. You will find it in your saved openings.
opening-keep-sign-in = Sign in to save this opening
audit-action-opening-bookmarked = Opening saved
audit-action-bookmark-removed = Saved opening removed
card-closed = closed

## Adding one's institution
institution-add-title = Add your institution
institution-add-intro = If your institution is not on Passerelle yet, add it on the domain of your address: you become its administrator, and colleagues with an address on that domain can join it. Passerelle’s team verifies each new institution; until then, its openings wait for review before they appear.
institution-add-name = Name of the institution
institution-add-domain = Its web domain
institution-add-submit = Add my institution
institution-add-webmail = To add your institution, use your address at the institution: Passerelle recognises institutions by their web domain.
institution-add-error-domain = Choose one of the domains of your address.
institution-add-error-listed = An institution on this domain is already on Passerelle: join it from your account.
account-notice-added = Your institution is on Passerelle, with you as its administrator. Passerelle’s team will verify it.
audit-action-institution-added = Institution added by its first administrator
saved-count =
    { $count ->
        [one] One saved opening
       *[other] { $count } saved openings
    }

# Passerelle — français

## Site

site-name = Passerelle
site-tagline = Les échanges de recherche entre la Corée, le Québec et au-delà
skip-to-content = Aller au contenu principal
nav-main = Navigation principale
nav-home = Accueil
nav-openings = Offres
nav-language = Langue
language-switch-to = Lire cette page en { $language }
footer-about = Passerelle est un logiciel libre. Les offres sont publiées par les établissements qui les proposent.

## Langues (noms dans cette langue ; language-self est le nom de cette langue en elle-même)

language-self = Français
language-level = { $language }, niveau { $level }

## Accueil

home-title = Trouvez votre prochain séjour de recherche
home-intro = Passerelle réunit chercheuses, chercheurs, étudiantes et étudiants avec des établissements comme KAIST, l’Université de Sherbrooke, le KRISS ou Mila autour de séjours de recherche, de stages, d’échanges doctoraux, de postdoctorats, de projets conjoints et d’écoles d’été.
home-point-languages = Cherchez en français, en anglais ou en coréen : les offres rédigées dans l’une ou l’autre de ces langues ressortent.
home-point-institutions = Les offres viennent directement des établissements, avec la date limite, le financement et les exigences linguistiques clairement indiqués.
home-point-free = Libre et gratuit, pour les chercheuses et chercheurs comme pour les établissements.
home-recent = Publiées récemment
home-browse-all =
    { $count ->
        [one] Voir l’offre ouverte
       *[other] Voir les { $count } offres ouvertes
    }
meta-description = Offres d’échange de recherche en Corée, au Québec et ailleurs : séjours de recherche, stages, échanges doctoraux et postdoctorats, en français, en anglais et en coréen.

## Recherche

search-label = Rechercher des offres
search-placeholder = p. ex. informatique quantique, batteries
search-submit = Rechercher
openings-title = Offres de recherche
openings-results-for = Résultats pour « { $query } »
openings-also-searched = Recherche étendue aux autres langues :
openings-count =
    { $count ->
        [0] Aucune offre ouverte
        [one] Une offre ouverte
       *[other] { $count } offres ouvertes
    }
openings-none = Aucune offre ne correspond à votre recherche. Essayez avec d’autres mots, ou moins de mots.
openings-sorted-by-deadline = Triées par date limite, la plus proche d’abord.

## Filtres

filters-title = Affiner la recherche
filters-active = { $count ->
    [one] (1 critère actif)
   *[other] ({ $count } critères actifs)
}
filter-country = Pays
filter-sort = Trier par
filter-any-kind = Tous les types
filter-any-stage = Toutes les étapes de carrière
filter-any-field = Tous les domaines
filter-any-country = Tous les pays
filter-option-count = { $label } ({ $count })
filter-closed = Inclure les offres fermées
filter-institution = Établissement
filter-any-institution = Tous les établissements
filter-language = Langue exigée
filter-any-language = Toutes les langues
filter-funding = Financement
filter-any-funding = Financées ou non
filter-funded-yes = Avec bourse
filter-funded-no = Sans bourse
filter-deadline-from = Date limite à partir du
filter-deadline-to = Date limite jusqu’au
filter-apply = Appliquer les filtres
search-suggestions = Suggestions
search-suggestions-count = { $count ->
    [one] Une suggestion ; choisissez-la avec les flèches haut et bas.
   *[other] { $count } suggestions ; parcourez-les avec les flèches haut et bas.
}
sort-relevance = Pertinence
sort-deadline = Date limite la plus proche
sort-newest = Les plus récentes

## Pagination

pagination-label = Pages de résultats
pagination-previous = Page précédente
pagination-next = Page suivante
pagination-status = Page { $page } sur { $pages }
pagination-goto = Page { $page }

## Une offre

opening-details = Détails
opening-deadline = Date limite
opening-deadline-note = (jusqu’à la fin de cette journée, partout dans le monde)
opening-days-left =
    { $days ->
        [0] se termine aujourd’hui
        [one] encore 1 jour
       *[other] encore { $days } jours
    }
opening-closed = Cette offre est fermée : sa date limite est passée.
opening-kind = Type
opening-institution = Établissement
opening-location = Lieu
opening-career-stages = Étape de carrière
opening-fields = Domaines de recherche
opening-start = Début
opening-duration = Durée
opening-duration-months = { $months } mois
opening-positions = Places
opening-funding = Financement
opening-no-stipend = Sans bourse
opening-travel-covered = Voyage pris en charge
opening-travel-not-covered = Voyage non pris en charge
opening-housing-covered = Logement pris en charge
opening-housing-not-covered = Logement non pris en charge
opening-languages-required = Langues exigées
opening-no-language-required = Aucune exigence linguistique
opening-keywords = Mots-clés
opening-apply = Postuler sur le site de l’établissement
opening-contact = Contact
opening-published = Publiée le { $date }
opening-original-note = Cette offre n’a pas été traduite en français. Elle est affichée dans sa langue d’origine ({ $language }).
opening-read-in = Lire cette offre en
opening-back = Retour aux offres
summary-funded = Financée
summary-written-in = En { $language }

## Erreurs

not-found-title = Page introuvable
not-found-text = Nous n’avons pas trouvé cette page. L’adresse contient peut-être une faute de frappe, ou la page a été déplacée.
not-found-opening = Cette offre n’existe pas ou n’est plus publiée.
not-found-institution = Cet établissement n’est pas sur Passerelle.
institution-no-openings = Cet établissement n’a aucune offre ouverte pour le moment.
institution-verified = Vérifié par Passerelle
not-found-home = Aller à l’accueil
bad-request-title = Requête invalide
bad-page-number = Le numéro de page doit être un nombre entier, à partir de 1.
bad-parameter = L’adresse contient une valeur illisible pour « { $param } ».
error-title = Une erreur est survenue
error-text = Le serveur n’a pas pu traiter votre demande. Veuillez réessayer dans un instant.

## Types d’offres

kind-visiting-researcher = Chercheur invité
kind-internship = Stage de recherche
kind-phd-exchange = Échange doctoral
kind-postdoc = Postdoctorat
kind-joint-project = Projet conjoint
kind-summer-school = École d’été

## Étapes de carrière (profils européens du chercheur)

stage-r1 = R1 – Début de carrière (jusqu’au doctorat)
stage-r2 = R2 – Titulaire d’un doctorat
stage-r3 = R3 – Chercheur confirmé
stage-r4 = R4 – Chercheur principal

## Niveaux de langue (CECR)

cefr-a1 = A1 (débutant)
cefr-a2 = A2 (élémentaire)
cefr-b1 = B1 (intermédiaire)
cefr-b2 = B2 (intermédiaire avancé)
cefr-c1 = C1 (avancé)
cefr-c2 = C2 (maîtrise)

## Périodes de versement d’une bourse ($money est le montant déjà mis en forme)

period-month = { $money } par mois
period-year = { $money } par an
period-week = { $money } par semaine
period-day = { $money } par jour
period-total = { $money } au total

## La fréquence de versement d’une bourse, comme le formulaire d’offre la propose

period-choice-month = Chaque mois
period-choice-year = Chaque année
period-choice-week = Chaque semaine
period-choice-day = Chaque jour
period-choice-total = En une fois (le montant total)

## Montants ($amount est déjà mis en forme)

money-cad = { $amount } $ CA
money-krw = { $amount } ₩
money-usd = { $amount } $ US
money-eur = { $amount } €
money-other = { $amount } { $currency }

## Dates

date-full =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $monthName } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Pays


## Domaines de la recherche et du développement (OCDE)

field-1-1 = Mathématiques
field-1-2 = Informatique et sciences de l’information
field-1-3 = Sciences physiques
field-1-4 = Chimie
field-1-5 = Sciences de la Terre et de l’environnement
field-1-6 = Sciences biologiques
field-1-7 = Autres sciences naturelles
field-2-1 = Génie civil
field-2-2 = Génie électrique, électronique et informatique
field-2-3 = Génie mécanique
field-2-4 = Génie chimique
field-2-5 = Génie des matériaux
field-2-6 = Génie biomédical
field-2-7 = Génie de l’environnement
field-2-8 = Biotechnologie environnementale
field-2-9 = Biotechnologie industrielle
field-2-10 = Nanotechnologies
field-2-11 = Autres sciences de l’ingénieur et technologies
field-3-1 = Médecine fondamentale
field-3-2 = Médecine clinique
field-3-3 = Sciences de la santé
field-3-4 = Biotechnologie médicale
field-3-5 = Autres sciences médicales
field-4-1 = Agriculture, foresterie et pêche
field-4-2 = Sciences animales et laitières
field-4-3 = Sciences vétérinaires
field-4-4 = Biotechnologie agricole
field-4-5 = Autres sciences agricoles
field-5-1 = Psychologie et sciences cognitives
field-5-2 = Économie et gestion
field-5-3 = Sciences de l’éducation
field-5-4 = Sociologie
field-5-5 = Droit
field-5-6 = Science politique
field-5-7 = Géographie sociale et économique
field-5-8 = Médias et communication
field-5-9 = Autres sciences sociales
field-6-1 = Histoire et archéologie
field-6-2 = Langues et littérature
field-6-3 = Philosophie, éthique et religion
field-6-4 = Arts
field-6-5 = Autres sciences humaines

## Comptes : navigation, formulaires et leurs erreurs

nav-account = Votre compte
nav-login = Se connecter
nav-signup = Créer un compte
nav-logout = Se déconnecter

form-email = Adresse courriel
form-password = Mot de passe
form-new-password = Nouveau mot de passe
form-password-hint = Au moins 10 caractères. Une courte phrase se retient facilement et se devine mal.
form-display-name = Votre nom
form-preferred-lang = Langue préférée
form-preferred-lang-hint = Nous vous écrivons dans cette langue, et le site s’affiche dans celle-ci lorsque vous vous connectez.

form-problem-list = Champs à corriger :
form-problem-item = { $field } : { $problem }
form-error-required = Veuillez remplir ce champ.
form-error-email = Saisissez une adresse courriel comme nom@universite.ca.
form-error-email-taken = Un compte utilise déjà cette adresse. Connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.
form-error-password-short = Votre mot de passe doit compter au moins 10 caractères.
form-error-password-long = Ce mot de passe est trop long : utilisez moins de 1 000 caractères.
form-error-name-invalid = Veuillez saisir un nom de 100 caractères au plus.
form-error-expired = Ce formulaire est resté ouvert trop longtemps ou provient d’un autre site. Veuillez l’envoyer de nouveau.
form-error-too-many = Trop de tentatives. Patientez quelques minutes avant de réessayer.
form-error-busy = Trop de personnes se connectent en ce moment. Veuillez réessayer dans quelques secondes.
form-error-forbidden = Votre compte ne permet pas cette action. Si vous pensez qu’il le devrait, adressez-vous aux responsables de votre établissement sur Passerelle.
form-error-stale = Quelqu’un d’autre a modifié cet élément entre-temps. Vérifiez la page telle qu’elle est maintenant, puis réessayez.
form-error-gone = Cet élément n’existe plus, ou vous n’y avez pas accès.
form-error-too-large = Ce formulaire dépasse la taille maximale acceptée par Passerelle et n’a pas pu être lu. Raccourcissez les textes, puis envoyez-le de nouveau.
form-error-login-failed = L’adresse courriel ou le mot de passe est incorrect.
form-error-suspended = Ce compte est suspendu. Veuillez communiquer avec l’équipe de Passerelle.
form-error-link-expired = Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.

login-title = Connexion
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-no-account = Nouveau sur Passerelle ? Créez un compte
login-notice-confirmed = Votre adresse courriel est confirmée. Connectez-vous pour continuer.
login-notice-reset-sent = Si un compte utilise cette adresse, nous venons de lui envoyer un lien pour choisir un nouveau mot de passe. Le lien reste valide une heure.
login-notice-reset-done = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
login-notice-link-expired = Ce lien a expiré ou a déjà servi.

forgot-title = Réinitialiser votre mot de passe
forgot-intro = Indiquez l’adresse courriel de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien

signup-title = Créer votre compte
signup-intro = Enregistrez vos recherches, postulez aux offres et, si vous travaillez dans un établissement partenaire, publiez vos propres offres.
signup-submit = Créer mon compte
signup-have-account = Vous avez déjà un compte ? Connectez-vous

reset-title = Choisir un nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe

account-title = Votre compte
account-settings = Paramètres
account-save = Enregistrer
account-resend = Envoyer un nouveau lien
account-email-confirmed = Votre adresse courriel { $email } est confirmée.
account-email-unconfirmed = Veuillez confirmer votre adresse courriel { $email } à l’aide du lien que nous vous avons envoyé.
account-notice-welcome = Bienvenue sur Passerelle ! Nous avons envoyé un lien de confirmation à { $email }.
account-notice-sent = Nous avons envoyé un nouveau lien de confirmation à { $email }.
account-notice-confirmed = Merci, votre adresse courriel est confirmée.
account-notice-saved = Vos paramètres ont été enregistrés.

## Courriels (texte brut)

mail-confirm-subject = Confirmez votre adresse courriel pour Passerelle
mail-confirm-body =
    Bonjour { $name },

    Merci de votre inscription sur Passerelle. Pour confirmer votre adresse courriel, ouvrez ce lien :

    { $link }

    Le lien reste valide deux jours. Si vous n’avez pas créé de compte, vous pouvez ignorer ce message.

    — L’équipe Passerelle
mail-reset-subject = Choisissez un nouveau mot de passe Passerelle
mail-reset-body =
    Bonjour { $name },

    Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Passerelle. Pour en choisir un nouveau, ouvrez ce lien :

    { $link }

    Le lien reste valide une heure. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe ne change pas.

    — L’équipe Passerelle

## Établissements et administration

account-institutions = Vos établissements
account-no-institution = Votre adresse n’appartient encore au domaine d’aucun établissement présent sur Passerelle.
account-can-join = Votre adresse correspond au domaine de cet établissement : { $institution }. Joignez-vous à son équipe pour publier ses offres.
account-join = Rejoindre { $institution }
account-notice-joined = Vous êtes maintenant membre de votre établissement.
account-role-member = membre
account-role-admin = administrateur ou administratrice
join-error-unconfirmed = Confirmez d’abord votre adresse courriel : seule une adresse confirmée indique à quel établissement vous appartenez.
join-error-domain = Votre adresse courriel n’appartient pas au domaine de cet établissement.
join-error-removed = L’administration de cet établissement a mis fin à votre adhésion. Demandez-lui de vous réintégrer.

admin-title = Administration
admin-intro = Vérifiez les établissements, désignez les personnes qui les administrent et suivez chaque action de modération et d’administration dans le journal d’audit.
admin-nav = Administration
admin-forbidden-title = Accès refusé
admin-forbidden-text = Cette page est réservée à l’équipe de Passerelle.
admin-institutions-title = Établissements
admin-col-institution = Établissement
admin-col-domain = Domaine
admin-col-members = Membres
admin-col-openings = Offres
admin-col-verified = Vérifié
admin-col-make-admin = Administration de l’établissement
admin-verified = Vérifié
admin-verify = Vérifier
admin-member-email = Adresse courriel du membre
admin-make-admin = Confier l’administration
admin-error-not-member = Aucun membre de cet établissement n’utilise cette adresse.
admin-audit-title = Journal d’audit
admin-audit-action = Action
admin-audit-any = Toutes les actions
admin-audit-actor = Par (adresse courriel)
admin-audit-empty = Rien n’a encore été consigné.
admin-audit-system = Passerelle
admin-col-when = Date
admin-col-who = Auteur
admin-col-action = Action
admin-col-target = Objet
admin-col-detail = Détails
audit-action-institution-verified = Établissement vérifié
audit-action-member-joined = Adhésion d’un membre
audit-action-member-promoted = Administration confiée à un membre

## Signalements et suspensions

report-title = Un problème avec cette offre ?
report-thanks = Merci. L’équipe de Passerelle examinera votre signalement.
report-sign-in = Connectez-vous pour signaler cette offre
report-reason = Motif
report-reason-choose = Choisissez un motif
report-details = Précisions (facultatif)
report-submit = Signaler cette offre
report-reason-misleading = Information trompeuse ou fausse
report-reason-unavailable = Places pourvues ou offre retirée, mais toujours affichée
report-reason-discriminatory = Discriminatoire
report-reason-spam = Pourriel, ou pas une offre de recherche
report-reason-other = Autre chose
form-error-choose = Veuillez faire un choix.
form-error-too-long = Ce texte est trop long.
admin-reports-title = Signalements
admin-reports-empty = Aucun signalement en attente.
admin-col-opening = Offre
admin-col-reason = Motif
admin-col-reporter = Signalé par
admin-col-decision = Décision
admin-resolve = Marquer comme traité
admin-accounts-title = Comptes
admin-accounts-search = Adresse courriel, ou une partie
admin-col-status = État
admin-suspended = Suspendu
admin-active = Actif
admin-unconfirmed = Adresse non confirmée
admin-reinstate = Rétablir
admin-suspend-reason = Motif de la suspension
admin-suspend = Suspendre
admin-error-self = Vous ne pouvez pas suspendre votre propre compte.
audit-action-account-suspended = Compte suspendu
audit-action-account-reinstated = Compte rétabli
audit-action-report-resolved = Signalement traité

## Changer de mot de passe

account-password = Mot de passe
account-password-save = Changer le mot de passe
account-notice-password = Votre mot de passe a été changé. Les autres appareils connectés à votre compte ont été déconnectés.
form-current-password = Mot de passe actuel
form-error-current-password = Ce n’est pas votre mot de passe actuel.

## Rédiger des offres (membres d’un établissement)

nav-postings = Vos offres
nav-unseen-decisions = { $count ->
    [one] (une nouvelle décision)
   *[other] ({ $count } nouvelles décisions)
}
postings-title = Vos offres
postings-new = Rédiger une offre
postings-empty = Votre établissement n’a encore rédigé aucune offre sur Passerelle.
postings-join-first = Pour publier des offres, rejoignez d’abord votre établissement avec une adresse de son domaine.
postings-join-link = Le rejoindre depuis votre compte
posting-new-title = Rédiger une offre
posting-new-intro = Rédigez-la dans une, deux ou les trois langues : on la trouvera quelle que soit la langue de la recherche. Enregistrez un brouillon pour la voir telle que les chercheuses et chercheurs la verront.
posting-page-title = Offre
posting-edit-title = Modifier l’offre
posting-back = Retour à l’offre
posting-institution = Établissement
posting-section-texts = Titre et description
posting-texts-hint = Remplissez au moins la langue de rédaction d’origine. Une langue laissée vide n’est tout simplement pas proposée.
posting-original-language = Rédigée d’abord en
posting-text-in-fr = En français
posting-text-in-en = En anglais
posting-text-in-ko = En coréen
posting-tab-problem = (à corriger)
posting-title = Titre
posting-description = Description
posting-markdown-hint = Vous pouvez utiliser Markdown : **gras**, *italique*, listes commençant par « - », intertitres commençant par « ## » et liens comme [texte](https://…).
posting-section-what = L’offre
posting-kind = Type d’offre
posting-career-stages = Étapes de carrière
posting-fields = Domaines de recherche
posting-keywords = Mots-clés
posting-keywords-hint = Séparés par des virgules, par exemple : capteurs quantiques, centres NV
posting-section-where = Lieu et dates
posting-country = Pays
posting-city = Ville
posting-deadline = Date limite de candidature
posting-start = Date de début
posting-duration = Durée en mois
posting-duration-hint = De { $min } à { $max } mois.
posting-positions = Nombre de places
posting-positions-hint = De { $min } à { $max }.
posting-section-funding = Financement
posting-stipend-hint = Laissez le montant vide s’il n’y a pas de bourse.
posting-stipend-amount = Montant de la bourse
posting-stipend-currency = Devise
posting-stipend-period = Versement
posting-travel-covered = Les frais de voyage sont pris en charge
posting-housing-covered = Le logement est fourni ou payé
posting-section-languages = Langues exigées
posting-languages-hint = Jusqu’à trois langues, chacune avec le niveau attendu. Laissez vide si aucune n’est exigée.
posting-language-code = Langue
posting-language-level = Niveau
posting-section-apply = Candidater
posting-apply-url = Page de candidature
posting-apply-url-hint = Une adresse web commençant par https://
posting-contact-email = Adresse courriel de contact
form-choose = Choisir…
posting-save-draft = Enregistrer le brouillon et prévisualiser
posting-submit = Soumettre pour publication
posting-submit-hint = Les offres des établissements que Passerelle n’a pas encore vérifiés, et les modifications du texte d’une offre publiée, sont révisées par l’équipe de modération avant de paraître.
posting-error-summary = Certains champs sont à revoir. Chaque problème est indiqué à côté de son champ.
posting-error-choose-some = Choisissez-en au moins un.
posting-error-text-pair = Rédigez le titre et la description dans cette langue, ou laissez les deux vides.
posting-error-original-missing = Il faut le titre et la description dans la langue de rédaction d’origine.
posting-error-keywords = Au plus 30 mots-clés de 100 caractères au maximum.
posting-error-language-code = Utilisez un code de langue à deux lettres, comme en, fr ou ko.
posting-error-country = Utilisez un code de pays à deux lettres, comme KR, CA ou FR.
posting-error-date = Saisissez une date comme 2027-03-01.
posting-error-deadline-past = Cette date limite est déjà passée.
posting-error-number = Saisissez un nombre entier dans les limites permises.
posting-error-currency = Utilisez un code de devise à trois lettres, comme KRW, CAD ou EUR.
posting-error-url = Saisissez une adresse web commençant par https://
posting-error-invalid = L’offre ne peut pas être enregistrée telle quelle. Vérifiez chaque champ.
posting-status-draft = Brouillon
posting-status-pending = En attente de révision
posting-status-published = Publiée
posting-status-rejected = Retournée par l’équipe de modération
posting-status-closed = Fermée
posting-edit-status = modifications : { $status }
posting-col-title = Titre
posting-col-institution = Établissement
posting-col-status = État
posting-saved-draft = Votre brouillon est enregistré. Voici comment les chercheuses et chercheurs le verront.
posting-saved-unfinished = Votre brouillon est enregistré, même s’il n’est pas encore complet. Terminez-le quand vous voudrez : il vous attend dans « Vos offres », et personne d’autre que vous ne le voit.
posting-unfinished-title = Brouillons à terminer
posting-unfinished-hint = Les nouvelles offres que vous avez enregistrées avant d’en remplir tous les champs. Personne d’autre que vous ne les voit.
posting-unfinished-untitled = Brouillon sans titre
posting-unfinished-saved = enregistré le
posting-unfinished-discard = Supprimer
posting-unfinished-too-many = Vous avez déjà trop de brouillons à terminer. Terminez-en un ou supprimez-le dans « Vos offres » avant d’en enregistrer un autre.
not-found-unfinished = Ce brouillon n’existe plus : il a été terminé ou supprimé.
posting-saved-pending = Merci. L’équipe de modération va la réviser sous peu ; sa décision paraîtra ici et vous parviendra par courriel.
posting-saved-published = Elle est publiée : les chercheuses et chercheurs peuvent la trouver dès maintenant.
posting-saved-closed = L’offre est fermée. Elle n’apparaît plus dans les recherches.
posting-live-note = Les chercheuses et chercheurs voient la version publiée jusqu’à ce que vos modifications soient approuvées.
posting-edit-published-note = Cette offre est publiée. Les changements de dates, de financement ou de places s’appliquent tout de suite ; ceux du titre, de la description ou des mots-clés sont d’abord relus.
posting-edit = Modifier
posting-close = Fermer cette offre
posting-public-page = Voir sa page publique
posting-preview = Aperçu : telle que les chercheuses et chercheurs la verront
opening-withdrawn = L’établissement a fermé cette offre.
not-found-posting = Cette offre n’existe pas, ou vous ne pouvez pas la voir.
decisions-title = Décisions de l’équipe de modération
decision-new = Nouveau
decision-approved = Approuvée.
decision-rejected = Renvoyée :

## Modération

admin-review-title = Offres à relire
review-intro = Les nouvelles offres des établissements non vérifiés et les modifications du texte d’offres publiées, des plus anciennes aux plus récentes. Ouvrez-en une pour la lire et décider.
review-empty = Aucune offre n’attend de révision.
review-decided = Votre décision est enregistrée et a été envoyée à l’auteur.
review-col-change = Changement
review-change-new = Nouvelle offre
review-change-edit = Modifications d’une offre publiée
review-unverified = non vérifié
review-decide = Votre décision
review-reason = Motif, si vous la renvoyez
review-reason-hint = L’auteur lira le motif dans sa propre langue.
review-note = Mot à l’auteur (facultatif)
review-approve = Approuver
review-reject = Retourner pour modification
reject-reason-incomplete = Des informations importantes manquent ou ne sont pas claires.
reject-reason-translations = Les versions dans les différentes langues ne disent pas la même chose.
reject-reason-not-research = Il ne s’agit pas d’une offre d’échange de recherche.
reject-reason-misleading = Une partie du texte est trompeuse.
reject-reason-wrong-institution = Elle n’est pas publiée sous le bon établissement.
reject-reason-duplicate = La même offre figure déjà sur Passerelle.
reject-reason-other = Un autre motif, expliqué dans la note de l’équipe de modération.
audit-action-opening-submitted = Offre soumise
audit-action-opening-approved = Offre approuvée
audit-action-opening-rejected = Offre renvoyée
audit-action-opening-closed = Offre fermée
audit-action-report-filed = Offre signalée
mail-approved-subject = Votre offre est publiée sur Passerelle
mail-approved-body =
    Bonjour { $name },

    L’équipe de modération a approuvé « { $title } ». Les chercheuses et chercheurs peuvent la trouver dès maintenant.

    { $link }

    — L’équipe Passerelle
mail-rejected-subject = Votre offre doit être modifiée avant publication
mail-rejected-body =
    Bonjour { $name },

    L’équipe de modération a retourné « { $title } ».

    Motif : { $reason }
    Note de l’équipe de modération : { $note }

    Vous pouvez la modifier et la soumettre de nouveau ici :

    { $link }

    — L’équipe Passerelle

## Membres d’un établissement

members-title = Membres
members-heading = Membres de { $institution }
members-intro = Chaque membre peut rédiger des offres pour l’établissement. Les personnes qui l’administrent peuvent aussi modifier et fermer toutes ses offres, et gérer cette liste.
members-saved = La modification est enregistrée.
members-col-role = Rôle
members-col-joined = Arrivée
members-role-admin = Administrateur
members-role-member = Membre
members-make-admin = Confier l’administration
members-remove = Retirer de l’établissement
audit-action-member-removed = Membre retiré
members-removed-heading = Membres retirés
members-removed-intro = Ces personnes ne peuvent pas rejoindre de nouveau l’établissement tant que l’administration de l’établissement ne les a pas réintégrées.
members-col-removed = Retiré le
members-readmit = Réintégrer
audit-action-member-readmitted = Membre réintégré

## Profils et candidatures

nav-applications = Vos candidatures
nav-profile = Votre profil
form-error-summary = Certains champs demandent votre attention : voyez les messages à côté de chacun.
form-error-control = Retirez les caractères de contrôle invisibles du texte collé.
audit-action-profile-saved = Profil enregistré
audit-action-cv-uploaded = CV téléversé
audit-action-application-sent = Candidature envoyée
audit-action-application-moved = État d’une candidature modifié
audit-action-application-withdrawn = Candidature retirée
audit-action-opening-dismissed = Offre écartée des recommandations
visibility-nobody = Personne pour l’instant (les établissements où vous postulez ne voient que votre lettre et votre CV)
visibility-applied-to = Seulement les établissements où je postule
visibility-verified = Tous les établissements vérifiés de Passerelle
application-status-received = Reçue
application-status-under-review = En cours d’examen
application-status-shortlisted = Présélectionnée
application-status-offer-made = Place proposée
application-status-accepted = Place acceptée
application-status-declined = Place refusée
application-status-not-retained = Non retenue
application-status-withdrawn = Retirée
profile-title = Votre profil
profile-intro = Les établissements lisent votre profil avec vos candidatures. Décrivez vos intérêts de recherche dans la langue où vous êtes le plus à l’aise : Passerelle les rapproche des offres en français, en anglais et en coréen.
profile-saved = Votre profil est enregistré.
profile-section-research = Votre recherche
profile-career-stage = Étape de carrière
profile-fields = Domaines de recherche
profile-keywords = Mots-clés
profile-keywords-hint = Séparés par des virgules, par exemple : microbiologie marine, récifs coralliens
profile-interests-hint = Vos intérêts de recherche, dans une ou plusieurs langues.
profile-interests-fr = Intérêts de recherche en français
profile-interests-en = Intérêts de recherche en anglais
profile-interests-ko = Intérêts de recherche en coréen
profile-section-languages = Langues que vous parlez
profile-languages-hint = Jusqu’à trois langues, chacune avec votre niveau.
profile-section-looking = Ce que vous cherchez
profile-kinds = Types d’offres
profile-countries = Pays
profile-countries-hint = Codes à deux lettres séparés par des virgules, par exemple CA, FR, KR. Laissez vide pour tous les pays.
profile-available-from = Disponible à partir du
profile-section-links = Liens
profile-orcid = Identifiant ORCID
profile-orcid-hint = Par exemple 0000-0002-1825-0097.
profile-website = Page web
profile-visibility = Qui peut voir votre profil et votre CV
profile-save = Enregistrer le profil
profile-error-too-many = Vingt mots-clés au plus.
profile-error-language = Utilisez des codes de langue à deux lettres comme en, fr ou ko, dix langues au plus.
profile-error-country = Utilisez des codes de pays à deux lettres comme CA, FR ou KR, séparés par des virgules.
profile-error-orcid = Cet identifiant ORCID n’est pas valide : vérifiez ses seize caractères (le dernier peut être un X).
profile-error-website = Entrez une adresse web commençant par https://
profile-cv = Votre CV
profile-cv-current = CV actuel :
profile-cv-none = Vous n’avez pas encore téléversé de CV.
profile-cv-size = { $kilobytes } Ko
profile-cv-file = CV (PDF)
profile-cv-hint = Un fichier PDF de 5 Mo au plus. Un nouveau CV remplace celui-ci pour vos prochaines candidatures; celles déjà envoyées gardent le CV qui les accompagnait.
profile-cv-upload = Téléverser le CV
profile-cv-saved = Votre CV est enregistré.
cv-error-not-pdf = Ce fichier n’est pas un PDF. Enregistrez votre CV en PDF et réessayez.
cv-error-too-large = Ce fichier dépasse 5 Mo.
cv-error-empty = Choisissez un fichier PDF à téléverser.
opening-apply-here = Postuler sur Passerelle
apply-title = Postuler sur Passerelle
apply-intro = Écrivez une courte lettre à l’établissement. Il la recevra avec votre profil et votre CV.
apply-sign-in = Connectez-vous pour postuler
apply-letter = Votre lettre
apply-letter-hint = 5 000 caractères au plus, en français, en anglais ou en coréen.
apply-letter-lang = Langue de la lettre
apply-profile-note = Votre profil et votre CV accompagnent votre candidature.
apply-profile-link = Vérifier votre profil
apply-submit = Envoyer ma candidature
apply-already = Vous avez postulé à cette offre. État : { $status }.
apply-follow = Suivre vos candidatures
apply-error-unconfirmed = Confirmez d’abord votre adresse courriel, pour que la réponse de l’établissement puisse vous joindre.
apply-error-elsewhere = Cette offre reçoit les candidatures sur le site de l’établissement.
apply-error-closed = La date limite de cette offre est passée.
apply-error-already = Vous avez déjà postulé à cette offre.
apply-error-letter = Écrivez une lettre de 5 000 caractères au plus.
applications-title = Vos candidatures
applications-sent = Votre candidature est envoyée. Vous recevrez un courriel à chaque changement d’état.
applications-updated = Votre réponse est enregistrée.
applications-empty = Vous n’avez encore postulé à aucune offre.
applications-find = Trouver des offres
applications-sent-on = Envoyée le
applications-status = État :
applications-history = Historique
applications-message = Message de l’établissement :
applications-accept = Accepter la place
applications-decline = Refuser la place
applications-withdraw = Retirer la candidature
applications-withdraw-hint = Un retrait est définitif : vous ne pourrez plus postuler à la même offre.
posting-col-applications = Candidatures
posting-applications-link = Voir les candidatures
posting-apply-via = Où postuler
posting-apply-here = Sur Passerelle, avec leur profil, une lettre et leur CV
posting-apply-elsewhere = Sur notre propre page de candidature ou par courriel
received-title = Candidatures
received-back = Retour à l’offre
received-csv = Télécharger en CSV
received-count = { $shown ->
    [one] { $shown } candidature sur { $total } correspond
   *[other] { $shown } candidatures sur { $total } correspondent
}
received-all = Toutes
received-status = État
received-stage = Étape de carrière
received-language = Parle (code)
received-sort = Ordre
received-newest = Plus récentes d’abord
received-oldest = Plus anciennes d’abord
received-apply-filters = Afficher
received-no-profile = Cette personne ne partage pas de profil : seulement sa lettre et son CV.
received-letter = Lettre
received-cv = Télécharger le CV
received-interests = Intérêts de recherche
received-languages = Langues
received-move-to = Passer à
received-message = Message à la personne candidate (facultatif)
received-message-hint = Elle le lira sur Passerelle et dans le courriel qui annonce le changement.
received-move = Enregistrer l’état
csv-id = Candidature
csv-name = Nom
csv-email = Courriel
csv-status = État
csv-sent = Envoyée
csv-stage = Étape de carrière
csv-languages = Langues
csv-letter-lang = Langue de la lettre
csv-letter = Lettre
mail-application-received-subject = Votre candidature est envoyée
mail-application-received-body =
    Bonjour { $name },

    Votre candidature à « { $title } » a été transmise à l’établissement. Vous recevrez un courriel à chaque changement d’état.

    Suivez vos candidatures ici :

    { $link }

    — L’équipe Passerelle
mail-application-status-subject = Du nouveau pour votre candidature
mail-application-status-body =
    Bonjour { $name },

    Votre candidature à « { $title } » est maintenant : { $status }.

    Message de l’établissement : { $message }

    { $link }

    — L’équipe Passerelle
mail-application-reminder-subject = Des candidatures attendent une réponse
mail-application-reminder-body =
    Bonjour { $name },

    { $count ->
        [one] Une candidature à « { $title } » attend
       *[other] { $count } candidatures à « { $title } » attendent
    } une réponse depuis plus de { $days } jours. Les personnes candidates aiment savoir où elles en sont, même quand la réponse est non.

    { $link }

    — L’équipe Passerelle
applications-answer-days = { $days ->
    [one] Cet établissement répond d’habitude en un jour.
   *[other] Cet établissement répond d’habitude en { $days } jours.
}
posting-questions-hint = Pour les candidatures sur Passerelle : jusqu’à trois questions auxquelles les personnes candidates répondent en plus de leur lettre, dans la langue d’origine de l’offre (laissez vide s’il n’y en a pas).
posting-question-1 = Première question aux personnes candidates
posting-question-2 = Deuxième question
posting-question-3 = Troisième question
apply-error-answer = Répondez à cette question en 2 000 caractères au plus.
received-answers = Réponses aux questions de l’offre
csv-answers = Réponses
admin-waiting = En attente
admin-waiting-review = { $count ->
    [0] Aucune offre à relire
    [one] { $count } offre à relire
   *[other] { $count } offres à relire
}
admin-waiting-reports = { $count ->
    [0] Aucun signalement à traiter
    [one] { $count } signalement à traiter
   *[other] { $count } signalements à traiter
}
admin-waiting-institutions = { $count ->
    [0] Aucun établissement à vérifier
    [one] { $count } établissement à vérifier
   *[other] { $count } établissements à vérifier
}
admin-applications = Candidatures sur Passerelle
admin-applications-week = { $count ->
    [one] { $count } candidature envoyée ces sept derniers jours.
   *[other] { $count } candidatures envoyées ces sept derniers jours.
}
admin-profiles = { $count ->
    [one] { $count } personne tient un profil.
   *[other] { $count } personnes tiennent un profil.
}
admin-count = Candidatures

## Recommandations : pourquoi une offre convient à une personne, ou ce qui lui manque

reason-keyword = Votre mot-clé « { $yours } » figure dans cette offre.
reason-keyword-translated = Votre mot-clé « { $yours } » correspond à « { $theirs } ».
reason-interest = Vos intérêts de recherche mentionnent « { $yours } », tout comme cette offre.
reason-interest-translated = Votre intérêt « { $yours } » correspond à « { $theirs } ».
reason-meaning = Proche, par le sens, de vos mots-clés et de vos intérêts.
reason-stage-match = Ouverte à votre étape de carrière : { $stage }.
reason-stage-mismatch = Destinée à l’étape de carrière { $wanted } ; la vôtre : { $yours }.
reason-language-met = { $language } { $required } exigé ; vous avez le niveau { $yours }.
reason-language-short = { $yours ->
    [none] { $language } { $required } exigé ; cette langue ne figure pas parmi les vôtres.
   *[other] { $language } { $required } exigé ; vous avez le niveau { $yours }.
}
reason-kind-sought = { $kind } : un type d’offre que vous recherchez.
reason-kind-not-sought = { $kind } : pas parmi les types d’offre que vous recherchez.
reason-country-sought = Pays : { $country }, parmi ceux que vous avez choisis.
reason-country-not-sought = Pays : { $country }, hors de ceux que vous avez choisis.
reason-starts-when-available = Commence le { $start }, quand vous êtes disponible.
reason-starts-too-early = Commence le { $start }, avant votre disponibilité ({ $available }).
reason-field-shared = Dans votre domaine : { $field }.
reason-funded = Assortie d’une bourse.
reason-shortfall = Écart :
reason-list = Pourquoi cette offre
for-you-title = Offres pour vous
for-you-intro = Choisies selon votre profil, dans toutes les langues : ce qui convient dans chacune, et ce qui vous manque.
for-you-empty = Aucune offre ouverte ne correspond encore à votre profil. Ajoutez des mots-clés ou des intérêts de recherche pour élargir la recherche.
for-you-no-profile = Décrivez vos recherches et nous vous proposerons des offres en français, en anglais et en coréen.
for-you-write-profile = Remplir votre profil
for-you-dismiss = Pas pour moi
for-you-dismiss-label = Pas pour moi : { $title }
for-you-dismissed = Cette offre ne vous sera plus proposée.
feed-deadline = Date limite : { $date }
feed-subscribe = Suivre cette recherche (fil Atom)
reason-little-said = Ouverte à vous ; ajoutez des mots-clés, des intérêts de recherche ou des langues à votre profil pour voir si elle vous convient.
nav-alerts = Vos alertes
alert-frequency = Fréquence
alert-frequency-daily = Chaque jour
alert-frequency-weekly = Chaque semaine
alert-words = « { $words } »
alert-language-required = { $language } exigé
alert-deadline-from = date limite à partir du { $date }
alert-deadline-to = date limite jusqu’au { $date }
alert-every-opening = toutes les nouvelles offres
alert-profile = Nouvelles offres pour votre profil
alert-error-unconfirmed = Confirmez d’abord votre adresse courriel, pour que vos alertes puissent vous joindre.
alert-error-no-profile = Remplissez d’abord votre profil : ce sont ses offres que cette alerte vous envoie.
alert-error-search = Cette recherche ne peut pas être enregistrée telle quelle. Relancez-la depuis la liste des offres, puis enregistrez-la.
alert-error-frequency = Choisissez chaque jour ou chaque semaine.
audit-action-alert-saved = Alerte créée
audit-action-alert-deleted = Alerte supprimée
save-search-title = Nouvelles offres par courriel
save-search-sign-in = Connectez-vous pour recevoir par courriel les nouvelles offres de cette recherche
save-search-button = Enregistrer cette recherche
alerts-title = Vos alertes
alerts-intro = Chaque alerte vous envoie par courriel les offres publiées depuis son dernier envoi, chaque jour ou chaque semaine. Aucun courriel n’est envoyé s’il n’y a rien de nouveau.
alerts-saved = Alerte enregistrée. Son premier courriel vous apportera les offres publiées à partir de maintenant.
alerts-changed = Alerte mise à jour.
alerts-deleted = Alerte supprimée.
alerts-list-title = Alertes enregistrées
alerts-empty = Vous n’avez pas encore d’alerte. Cherchez parmi les offres, puis choisissez « Enregistrer cette recherche » sous les résultats.
alerts-find = Chercher parmi les offres
alerts-next = Prochain courriel :
alerts-change = Mettre à jour
alerts-delete = Supprimer
alerts-delete-label = Supprimer l’alerte : { $alert }
alerts-profile-title = Nouvelles offres pour votre profil
alerts-profile-intro = Recevez par courriel les nouvelles offres qui correspondent à votre profil, avec ce qui convient dans chacune.
alerts-profile-button = M’envoyer ces offres
unsubscribe-title = Se désabonner
unsubscribe-confirm = Ne plus recevoir les courriels de cette alerte : { $alert } ?
unsubscribe-button = Me désabonner
unsubscribe-done = C’est fait : cette alerte ne vous enverra plus de courriel.
unsubscribe-manage = Voir vos autres alertes
unsubscribe-gone = Cette alerte n’existe plus : vous êtes déjà désabonné ou désabonnée.
digest-subject-search =
    { $count ->
        [one] Une nouvelle offre pour votre recherche { $search }
       *[other] { $count } nouvelles offres pour votre recherche { $search }
    }
digest-subject-profile =
    { $count ->
        [one] Une nouvelle offre pour votre profil
       *[other] { $count } nouvelles offres pour votre profil
    }
digest-intro-search = Offres publiées depuis notre dernier courriel qui répondent à votre recherche { $search } :
digest-intro-profile = Offres publiées depuis notre dernier courriel qui correspondent à votre profil :
digest-item =
    { $title }
    { $institution }, { $country } · date limite : { $deadline }
    { $link }
digest-more =
    { $count ->
        [one] Une autre vous attend sur Passerelle : { $link }
       *[other] { $count } autres vous attendent sur Passerelle : { $link }
    }
digest-see-all = Les voir sur Passerelle : { $link }
digest-why-daily = Vous recevez ce courriel chaque jour où de nouvelles offres paraissent, parce que vous avez créé cette alerte sur Passerelle.
digest-why-weekly = Vous recevez ce courriel chaque semaine où de nouvelles offres paraissent, parce que vous avez créé cette alerte sur Passerelle.
digest-body =
    Bonjour { $name },

    { $intro }

    { $openings }

    { $more }

    { $why }
    Vos alertes : { $alerts }
    Vous désabonner de cette alerte en un clic : { $unsubscribe }

    — L’équipe Passerelle
audit-action-candidate-invited = Candidature suggérée à une chercheuse ou un chercheur
candidate-reason-keyword = Le mot-clé « { $yours } » de cette offre figure dans son profil.
candidate-reason-keyword-translated = Le mot-clé « { $yours } » de cette offre correspond à « { $theirs } » dans son profil.
candidate-reason-interest = Son profil mentionne « { $yours } », comme cette offre.
candidate-reason-interest-translated = « { $yours } » dans cette offre correspond à « { $theirs } » dans son profil.
candidate-reason-meaning = Proche du sujet de cette offre.
candidate-reason-stage-match = À une étape de carrière visée par cette offre : { $stage }.
candidate-reason-stage-mismatch = À l’étape { $yours } ; cette offre vise { $wanted }.
candidate-reason-language-met = { $language } { $required } exigé ; niveau déclaré : { $yours }.
candidate-reason-language-short = { $yours ->
    [none] { $language } { $required } exigé ; cette langue ne figure pas dans son profil.
   *[other] { $language } { $required } exigé ; niveau déclaré : { $yours }.
}
candidate-reason-kind-sought = { $kind } : un type d’offre recherché.
candidate-reason-kind-not-sought = { $kind } : pas parmi les types d’offre recherchés.
candidate-reason-country-sought = Au pays suivant, parmi ceux choisis : { $country }.
candidate-reason-country-not-sought = Au pays suivant, qui ne figure pas parmi ceux choisis : { $country }.
candidate-reason-starts-when-available = Commence le { $start }, pendant sa période de disponibilité.
candidate-reason-starts-too-early = Commence le { $start }, avant sa disponibilité ({ $available }).
candidate-reason-field-shared = Dans son domaine : { $field }.
candidate-reason-funded = Offre une bourse.
candidate-reason-little-said = Son profil en dit trop peu pour juger de cette offre.
candidates-title = Candidatures possibles
candidates-intro = Des chercheuses et chercheurs qui montrent leur profil aux établissements vérifiés, choisis pour cette offre dans toutes les langues : ce qui convient chez chacun, et ce qui manque. Les personnes qui ont déjà postulé figurent sur la page des candidatures.
candidates-not-verified = Les profils ne sont montrés qu’aux établissements vérifiés. Dès que Passerelle aura vérifié votre établissement, les candidatures possibles apparaîtront ici.
candidates-none = Aucun profil ne correspond encore à cette offre.
candidates-link = Candidatures possibles
candidates-reasons = Pourquoi ce profil
candidates-cv = CV (PDF)
candidates-invite = Inviter à postuler
candidates-invite-label = Inviter { $name } à postuler
candidates-invited = Invitation envoyée
candidates-invited-notice = Invitation envoyée. La personne la recevra par courriel, dans sa langue.
mail-invited-subject = Une invitation à postuler sur Passerelle
mail-invited-body =
    Bonjour { $name },

    { $institution } a lu votre profil sur Passerelle et vous invite à postuler à « { $title } ».

    { $link }

    Vous recevez ce courriel parce que votre profil est montré aux établissements vérifiés. Vous pouvez changer ce choix sur la page de votre profil.

    — L’équipe Passerelle

## Matching rounds
nav-rounds = Jumelages
rounds-title = Rondes de jumelage
rounds-intro = Dans une ronde de jumelage, les chercheuses et chercheurs classent les offres auxquelles ils ont postulé, chaque offre classe ses candidatures, et Passerelle trouve un résultat stable : aucune personne et aucune offre ne se préféreraient mutuellement à ce qu’elles ont obtenu.
rounds-none = Aucune ronde de jumelage ne vous concerne pour l’instant.
rounds-new = Créer une ronde
round-title = Ronde de jumelage
not-found-round = Cette ronde n’existe pas, ou vous n’y prenez pas part.
round-state-open = Ouverte
round-state-solved = Résolue
round-state-published = Résultats envoyés
round-phase-applications = Les candidatures sont ouvertes ; vous pouvez déjà classer.
round-phase-ranking = Les candidatures sont closes ; les classements sont ouverts.
round-phase-closed = Les classements sont clos ; le résultat est en cours de calcul.
round-phase-solved = Le résultat est calculé ; il sera envoyé à la date prévue.
round-phase-published = Les résultats sont envoyés.
round-applications-close = Fin des candidatures
round-rankings-close = Fin des classements
round-results-at = Envoi des résultats
round-max-ranking = Longueur maximale d’un classement
round-max-ranking-hint = Combien d’offres une personne peut classer (de 1 à 50).
round-time-hint = Date et heure en UTC.
round-new-title = Créer une ronde de jumelage
round-new-intro = Choisissez les offres qui y prennent part et leur nombre de places. Les personnes qui y ont postulé par Passerelle y participent.
round-new-forbidden = Seules les personnes qui administrent la plateforme ou un établissement peuvent créer une ronde de jumelage.
round-new-no-openings = Aucune de vos offres n’a encore reçu de candidature par Passerelle.
round-scramble-title = Deuxième ronde : les places restantes
round-scramble-intro = Offrez les places laissées par la première ronde aux personnes qu’elle n’a pas jumelées. Elles peuvent classer n’importe laquelle de ces offres.
round-name = Nom de la ronde
round-name-fr = En français
round-name-en = En anglais
round-name-ko = En coréen
round-openings = Offres participantes
round-openings-hint = Nombre de places pour chaque offre participante ; laissez vide pour les autres.
round-opening = Offre
round-institution = Établissement
round-places = { $places ->
    [one] 1 place
   *[other] { $places } places
}
round-places-column = Places
round-filled = Places pourvues
round-ranking-status = Classement
round-create = Créer la ronde
round-created-notice = La ronde est créée. Les participants peuvent classer dès maintenant.
round-error-name = Donnez un nom à la ronde dans au moins une langue.
round-error-places = Entrez un nombre de places entre 1 et le nombre disponible.
round-error-no-openings = Choisissez au moins une offre, avec son nombre de places.
round-error-max-ranking = Entrez un nombre entre 1 et 50.
round-error-time = Entrez une date et une heure, par exemple 2027-03-01 12:00.
round-error-past = Cette date est passée.
round-error-order = Les dates doivent se suivre : fin des candidatures, puis fin des classements, puis envoi des résultats.
round-error-tie = Deux éléments occupent cette position. Un classement n’admet pas d’égalité.
round-error-too-long = Ce classement est plus long que la ronde ne le permet.
round-error-closed = Les classements de cette ronde sont clos ; rien n’a été modifié.
round-error-instance = Les classements de cette ronde n’ont pas pu être résolus.
round-your-ranking = Votre classement
round-rank-hint = Donnez une position à chaque offre que vous accepteriez, 1 pour votre premier choix, jusqu’à { $max } offres. Laissez les autres sans classement. Vous pouvez modifier votre classement jusqu’à la fin des classements. Classer les offres dans votre véritable ordre de préférence est toujours dans votre intérêt.
round-rank-applicants-hint = Donnez une position à chaque candidature que vous accepteriez, 1 pour votre premier choix. Marquez les autres comme non acceptables.
round-position-of = Position de { $title }
round-not-ranked = Non classée
round-not-acceptable = Non acceptable
round-save-ranking = Enregistrer le classement
round-ranked-notice = Votre classement est enregistré.
round-reminder = Vous n’avez pas encore classé. Sans classement, vous ne prendrez pas part à cette ronde.
round-wait-results = Votre classement est définitif. Les résultats arriveront à la date indiquée ci-dessus.
round-your-result = Votre résultat
round-matched = Vous êtes jumelé·e à « { $title } » ({ $institution }).
round-unmatched = Vous n’avez pas été jumelé·e dans cette ronde.
round-result-not-ranked = Vous n’avez pas soumis de classement dans cette ronde.
round-why = Pourquoi pas une offre que vous avez classée plus haut
round-why-not-ranked = son établissement ne vous a pas classé·e.
round-why-no-ranking = son établissement n’a soumis aucun classement avant la date limite.
round-why-filled = { $places ->
    [one] sa place est allée à une personne qu’il a classée plus haut.
   *[other] ses { $places } places sont allées à des personnes qu’il a classées plus haut.
}
round-stable = Le résultat est stable : aucune offre que vous avez classée au-dessus de votre résultat ne vous aurait prise à la place d’une personne qu’elle a obtenue.
round-your-token = Votre jeton dans la ronde publiée :
round-opening-ranked = Classement soumis
round-opening-unranked = Aucun classement soumis
round-no-applicants = Personne à classer pour l’instant.
round-places-left = { $left } places restantes sur { $places }.
round-coordination = Coordination
round-ranked-participants = { $count ->
    [one] 1 personne a classé.
   *[other] { $count } personnes ont classé.
}
round-matched-count = Jumelées : { $matched }. Non jumelées : { $unmatched }.
round-unranked-openings = Offres sans classement (elles ne prendront personne) :
round-close = Clore les classements maintenant et calculer le résultat
round-closed-notice = Les classements sont clos et le résultat est calculé.
round-publish = Envoyer les résultats maintenant
round-published-notice = Les résultats sont envoyés aux participants.
round-anonymise = Publier la ronde anonymisée
round-anonymised-notice = La ronde anonymisée est publiée. Chaque participant peut voir son jeton.
round-scramble = Offrir les places restantes dans une deuxième ronde
round-second-of = Cette ronde offre les places laissées par
round-first = la première ronde
round-publication = Vérifier cette ronde
round-publication-intro = Les classements et le résultat de la ronde, chaque nom remplacé par un jeton. N’importe qui peut vérifier avec Passerelle que le résultat est stable :
round-instance = Classements (instance.json)
round-result = Résultat (result.json)
audit-action-round-created = Ronde créée
audit-action-round-ranked = Classement soumis
audit-action-round-solved = Ronde résolue
audit-action-round-published = Résultats de la ronde envoyés
audit-action-round-anonymised = Ronde publiée anonymisée
mail-round-solved-subject = Ronde de jumelage calculée : { $round }
mail-round-solved-body =
    Bonjour { $name },

    Les classements de « { $round } » sont clos et le résultat est calculé : { $matched } personnes jumelées, { $unmatched } non jumelées. { $unranked ->
        [0] Toutes les offres ont soumis un classement.
        [one] 1 offre n’a soumis aucun classement et n’a pris personne.
       *[other] { $unranked } offres n’ont soumis aucun classement et n’ont pris personne.
    }

    { $link }

    — L’équipe Passerelle
mail-round-matched-subject = Votre résultat : { $round }
mail-round-matched-body =
    Bonjour { $name },

    Les résultats de « { $round } » sont arrivés. Vous êtes jumelé·e à { $opening }.

    Votre résultat et son explication : { $link }

    — L’équipe Passerelle
mail-round-unmatched-subject = Votre résultat : { $round }
mail-round-unmatched-body =
    Bonjour { $name },

    Les résultats de « { $round } » sont arrivés. Vous n’avez pas été jumelé·e dans cette ronde. La page de votre résultat explique pourquoi pour chaque offre que vous avez classée.

    { $link }

    — L’équipe Passerelle
mail-round-results-subject = Résultats de la ronde : { $round }
mail-round-results-body =
    Bonjour { $name },

    Les résultats de « { $round } » sont arrivés. Voyez qui est jumelé aux offres de votre établissement :

    { $link }

    — L’équipe Passerelle
mail-round-reminder-subject = Les classements ferment bientôt : { $round }
mail-round-reminder-body =
    Bonjour { $name },

    Les classements de « { $round } » ferment le { $close }, et vous n’avez pas encore classé. Sans classement, vous ne prenez pas part au résultat.

    { $link }

    — L’équipe Passerelle

ranking-up = Monter : { $title }
ranking-down = Descendre : { $title }
ranking-moved = { $title } : position { $position }.
ranking-left-out = { $title } : retiré du classement.
mail-round-opened-subject = Une ronde de jumelage : { $round }
mail-round-opened-body =
    Bonjour { $name },

    Vous prenez part à la ronde de jumelage « { $round } » : les chercheuses et chercheurs classent les offres auxquelles ils ont postulé, chaque offre classe ses candidatures, et Passerelle calcule un résultat stable. Les classements ferment le { $close }.

    Classez sur la page de la ronde : { $link }

    — L’équipe Passerelle
round-waiting = Rondes de jumelage qui attendent votre classement :
round-rank-before = classez avant le { $close }.

## La page de l’API JSON pour les partenaires (/api/v1/docs)

api-docs-title = L’API JSON de Passerelle
api-docs-intro = Chaque point d’accès public, avec ses paramètres et ses réponses (décrits en anglais). Les logiciels lisent la même description en OpenAPI 3.1 :
api-docs-parameters = Paramètres
api-docs-name = Nom
api-docs-meaning = Sens
api-docs-answers = Réponses

## Cartes d’offres

card-deadline = Date limite :
card-new = Nouvelle
card-by-meaning = Proche de votre recherche par le sens, mais avec d’autres mots.
card-closing-soon = Bientôt fermée

## Garder une offre pour plus tard

opening-more-from = Autres offres — { $institution }
opening-more-from-all = Toutes les offres de cet établissement
opening-add-to-calendar = Ajouter la date limite à mon agenda
opening-share-email = Envoyer cette offre par courriel
opening-copy-link = Copier le lien
opening-link-copied = Le lien est copié.
calendar-deadline-summary = Date limite : { $title }

## Offres enregistrées
nav-saved = Offres enregistrées
saved-title = Offres enregistrées
saved-private = Cette liste n’est visible que par vous. Une offre fermée par son établissement en disparaît.
saved-empty = Vous n’avez encore enregistré aucune offre.
saved-remove = Retirer
saved-remove-label = Retirer de vos offres enregistrées : { $title }
saved-removed = L’offre ne fait plus partie de vos offres enregistrées.
opening-keep = Enregistrer cette offre
opening-unkeep = Retirer de mes offres enregistrées
opening-kept = C’est enregistré. Vous retrouverez l’offre dans vos offres enregistrées.
opening-keep-sign-in = Connectez-vous pour enregistrer cette offre
audit-action-opening-bookmarked = Offre enregistrée
audit-action-bookmark-removed = Offre retirée des offres enregistrées
card-closed = fermée

## Ajouter son établissement
institution-add-title = Ajouter votre établissement
institution-add-intro = Si votre établissement n’est pas encore sur Passerelle, ajoutez-le sous le domaine de votre adresse : vous en devenez l’administrateur ou l’administratrice, et les collègues qui ont une adresse sur ce domaine peuvent s’y joindre. L’équipe de Passerelle vérifie chaque nouvel établissement ; d’ici là, ses offres passent en révision avant de paraître.
institution-add-name = Nom de l’établissement
institution-add-domain = Son domaine Web
institution-add-submit = Ajouter mon établissement
institution-add-webmail = Pour ajouter votre établissement, utilisez votre adresse à l’établissement : Passerelle reconnaît les établissements à leur domaine Web.
institution-add-error-domain = Choisissez l’un des domaines de votre adresse.
institution-add-error-listed = Un établissement de ce domaine est déjà sur Passerelle : vous pouvez vous y joindre depuis votre compte.
account-notice-added = Votre établissement est sur Passerelle, et vous en êtes l’administrateur ou l’administratrice. L’équipe de Passerelle va le vérifier.
audit-action-institution-added = Établissement ajouté par son premier administrateur ou sa première administratrice
saved-count =
    { $count ->
        [one] Une offre enregistrée
       *[other] { $count } offres enregistrées
    }

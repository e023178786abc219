<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>error: {0}</source>
        <translation>erreur : {0}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>utilisation : </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>afficher le numéro de version du programme et quitter</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont obligatoires : %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus : %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument est attendu</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>non autorisé avec l&apos;argument %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l&apos;un des arguments %s est obligatoire</translation>
    </message>
    <message>
        <source>Offline-first player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses. With no command, the app opens.</source>
        <extracomment>The command groups, in the order `--help` lists them: (module, its function that registers the sub-commands). Ctrl+C. Commands that only read the data folder: they work on a read-only one.</extracomment>
        <translation>Lecteur hors ligne d&apos;abord pour les cours SCORM 1.2, SCORM 2004, cmi5 et xAPI (Tin Can). Sans commande, l&apos;application s&apos;ouvre.</translation>
    </message>
    <message>
        <source>data folder (library, database, web profile); default: $SCORM_DESKTOP_DATA or the user data folder</source>
        <translation>dossier de données (bibliothèque, base de données, profil web) ; par défaut : $SCORM_DESKTOP_DATA ou le dossier de données de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>language of the app and its messages: en, fr or es (default: $SCORM_DESKTOP_LANG, then the Settings choice, then the system&apos;s)</source>
        <translation>langue de l&apos;application et de ses messages : en, fr ou es (par défaut : $SCORM_DESKTOP_LANG, puis le choix des Paramètres, puis celle du système)</translation>
    </message>
    <message>
        <source>print informational log lines to stderr</source>
        <translation>afficher les lignes de journal informatives sur stderr</translation>
    </message>
    <message>
        <source>{0}: error: there is no file or folder &apos;{1}&apos; to open</source>
        <translation>{0} : erreur : il n&apos;y a pas de fichier ou de dossier « {1} » à ouvrir</translation>
    </message>
    <message>
        <source>{0}: unknown command &apos;{1}&apos; (did you mean &apos;{2}&apos;?); see: {0} --help</source>
        <translation>{0} : commande inconnue « {1} » (vouliez-vous dire « {2} » ?) ; voir : {0} --help</translation>
    </message>
    <message>
        <source>{0}: unknown command &apos;{1}&apos;; see: {0} --help</source>
        <translation>{0} : commande inconnue « {1} » ; voir : {0} --help</translation>
    </message>
    <message>
        <source>{0}: error: {1} (see: {0} --help)</source>
        <translation>{0} : erreur : {1} (voir : {0} --help)</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>error: --data-dir is empty: give the data folder&apos;s path (an unset variable?)</source>
        <translation>erreur : --data-dir est vide : indiquez le chemin du dossier de données (une variable non définie ?)</translation>
    </message>
    <message>
        <source>error: cannot use {0} as a data folder: it is not writable (read-only commands such as courses, report and backups still work)</source>
        <translation>erreur : impossible d&apos;utiliser {0} comme dossier de données : il n&apos;est pas accessible en écriture (les commandes en lecture seule comme courses, report et backups fonctionnent toujours)</translation>
    </message>
    <message>
        <source>note: {0}</source>
        <translation>remarque : {0}</translation>
    </message>
    <message>
        <source>the learner given is empty; give a name</source>
        <extracomment>The refusal for each name argument given empty (called when said, in the learner&apos;s language).</extracomment>
        <translation>l&apos;apprenant indiqué est vide ; donnez un nom</translation>
    </message>
    <message>
        <source>the new name given is empty; give a name</source>
        <translation>le nouveau nom indiqué est vide ; donnez un nom</translation>
    </message>
    <message>
        <source>the name given is empty; give a name</source>
        <translation>le nom indiqué est vide ; donnez un nom</translation>
    </message>
    <message>
        <source>refused: {0}: {1}</source>
        <translation>refusé : {0} : {1}</translation>
    </message>
    <message>
        <source>note: {0} is already in the library as course {1} ({2})</source>
        <translation>remarque : {0} est déjà dans la bibliothèque : cours {1} ({2})</translation>
    </message>
    <message>
        <source>note: {0} updated course {1} ({2}); learners&apos; records are kept</source>
        <translation>remarque : {0} a mis à jour le cours {1} ({2}) ; les résultats des apprenants sont conservés</translation>
    </message>
    <message>
        <source>warning: {0}: {1}</source>
        <translation>avertissement : {0} : {1}</translation>
    </message>
    <message>
        <source>The library is empty. Import a course with: scorm-desktop import COURSE.zip</source>
        <translation>La bibliothèque est vide. Importez un cours avec : scorm-desktop import COURS.zip</translation>
    </message>
    <message>
        <source>learning records: status, score, progress, time per learner and SCO</source>
        <translation>résultats d&apos;apprentissage : état, score, progression, temps par apprenant et par SCO</translation>
    </message>
    <message>
        <source>only this course</source>
        <translation>seulement ce cours</translation>
    </message>
    <message>
        <source>only this learner</source>
        <translation>seulement cet apprenant</translation>
    </message>
    <message>
        <source>include every stored CMI value</source>
        <translation>inclure toutes les valeurs CMI enregistrées</translation>
    </message>
    <message>
        <source>write the dashboard&apos;s tables as CSV (for spreadsheets) or a printable PDF report</source>
        <translation>écrire les tableaux du tableau de bord en CSV (pour les tableurs) ou en rapport PDF imprimable</translation>
    </message>
    <message>
        <source>A learner&apos;s courses (--learner), a course&apos;s learners (--course), or every course&apos;s figures.</source>
        <translation>Les cours d&apos;un apprenant (--learner), les apprenants d&apos;un cours (--course), ou les chiffres de chaque cours.</translation>
    </message>
    <message>
        <source>write CSV (UTF-8 with BOM, opens in Excel)</source>
        <translation>écrire du CSV (UTF-8 avec BOM, s&apos;ouvre dans Excel)</translation>
    </message>
    <message>
        <source>write a printable A4 PDF report</source>
        <translation>écrire un rapport PDF A4 imprimable</translation>
    </message>
    <message>
        <source>only this learner: one row per course</source>
        <translation>seulement cet apprenant : une ligne par cours</translation>
    </message>
    <message>
        <source>only this course (id or exact title): one row per learner</source>
        <translation>seulement ce cours (identifiant ou titre exact) : une ligne par apprenant</translation>
    </message>
    <message>
        <source>No learning records yet.</source>
        <translation>Aucun résultat d&apos;apprentissage pour l&apos;instant.</translation>
    </message>
    <message>
        <source>there is no learner &apos;{0}&apos; (see: scorm-desktop report)</source>
        <translation>il n&apos;y a pas d&apos;apprenant « {0} » (voir : scorm-desktop report)</translation>
    </message>
    <message>
        <source>the folder {0} does not exist</source>
        <translation>le dossier {0} n&apos;existe pas</translation>
    </message>
    <message>
        <source>error: {0} could not be written ({1})</source>
        <translation>erreur : {0} n&apos;a pas pu être écrit ({1})</translation>
    </message>
    <message>
        <source>wrote {0} to {1}</source>
        <translation>écrit dans {1} : {0}</translation>
    </message>
    <message>
        <source>{0} learner</source>
        <translation>{0} apprenant</translation>
    </message>
    <message>
        <source>{0} learners</source>
        <translation>{0} apprenants</translation>
    </message>
    <message>
        <source>error: there is no backup &apos;{0}&apos; (see: scorm-desktop backups)</source>
        <translation>erreur : il n&apos;existe pas de sauvegarde « {0} » (voir : scorm-desktop backups)</translation>
    </message>
    <message>
        <source>No backups yet. One is taken every day the app is used, and before every upgrade.</source>
        <translation>Aucune sauvegarde pour l&apos;instant. Une sauvegarde est faite chaque jour d&apos;utilisation de l&apos;application, et avant chaque mise à jour.</translation>
    </message>
    <message>
        <source>import course packages (SCORM, cmi5, xAPI; ZIP files or package folders; a folder of ZIPs imports each) into the library</source>
        <translation>importer des paquets de cours (SCORM, cmi5, xAPI ; fichiers ZIP ou dossiers de paquet ; un dossier de ZIP les importe tous) dans la bibliothèque</translation>
    </message>
    <message>
        <source>print one JSON object per package</source>
        <translation>afficher un objet JSON par paquet</translation>
    </message>
    <message>
        <source>a newer version of a course already in the library (same manifest identifier): replace its files, keep learners&apos; records for the SCOs that still exist</source>
        <translation>une version plus récente d&apos;un cours déjà dans la bibliothèque (même identifiant de manifeste) : remplacer ses fichiers, garder les résultats des apprenants pour les SCO qui existent encore</translation>
    </message>
    <message>
        <source>remove a course from the library (its learners&apos; records are kept)</source>
        <translation>retirer un cours de la bibliothèque (les résultats de ses apprenants sont conservés)</translation>
    </message>
    <message>
        <source>also delete every learner&apos;s records of it</source>
        <translation>supprimer aussi les résultats de tous les apprenants pour ce cours</translation>
    </message>
    <message>
        <source>list the courses in the library</source>
        <translation>lister les cours de la bibliothèque</translation>
    </message>
    <message>
        <source>list the database backups (newest first)</source>
        <translation>lister les sauvegardes de la base de données (les plus récentes d&apos;abord)</translation>
    </message>
    <message>
        <source>restore the library database from a backup (the current one is kept)</source>
        <translation>restaurer la base de données de la bibliothèque depuis une sauvegarde (l&apos;actuelle est conservée)</translation>
    </message>
    <message>
        <source>a backup file name or path, as `backups` lists them</source>
        <translation>un nom ou chemin de fichier de sauvegarde, tel que `backups` les liste</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be read ({1}).</source>
        <translation>« {0} » n&apos;a pas pu être lu ({1}).</translation>
    </message>
    <message>
        <source>note: {0} brought back course {1} ({2}) with its learners&apos; records</source>
        <translation>remarque : {0} a rétabli le cours {1} ({2}) avec les résultats de ses apprenants</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STANDARD</source>
        <translation>NORME</translation>
    </message>
    <message>
        <source>SCOS</source>
        <translation>SCO</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITRE</translation>
    </message>
    <message>
        <source>licence for {0}: {1}</source>
        <translation>licence pour {0} : {1}</translation>
    </message>
    <message>
        <source>course {0} ({1}) is being played now (process {2}); close it first</source>
        <translation>le cours {0} ({1}) est en cours de lecture (processus {2}) ; fermez-le d&apos;abord</translation>
    </message>
    <message>
        <source>course {0} ({1}) is already removed; its records are kept (add --delete-records to delete them too)</source>
        <translation>le cours {0} ({1}) est déjà retiré ; ses résultats sont conservés (ajoutez --delete-records pour les supprimer aussi)</translation>
    </message>
    <message>
        <source>and every learner&apos;s records of it</source>
        <translation>ainsi que les résultats de tous les apprenants pour ce cours</translation>
    </message>
    <message>
        <source>(learners&apos; records are kept)</source>
        <translation>(les résultats des apprenants sont conservés)</translation>
    </message>
    <message>
        <source>error: this removes &apos;{0}&apos; {1}; add --yes to confirm</source>
        <translation>erreur : cette commande supprime « {0} » {1} ; ajoutez --yes pour confirmer</translation>
    </message>
    <message>
        <source>removed course {0} ({1})</source>
        <translation>cours {0} supprimé ({1})</translation>
    </message>
    <message>
        <source>error: SCORM Desktop is using this data folder now (process {0}); close it, then restore</source>
        <translation>erreur : SCORM Desktop utilise ce dossier de données en ce moment (processus {0}) ; fermez-le, puis restaurez</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>an item in the contents</source>
        <translation>un élément du sommaire</translation>
    </message>
    <message>
        <source>You have finished this course; you can close the player.</source>
        <translation>Vous avez terminé ce cours ; vous pouvez fermer le lecteur.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>You have finished this course. You can close the player, or choose {0} to see it again.</source>
        <translation>Vous avez terminé ce cours. Vous pouvez fermer le lecteur, ou choisir {0} pour le revoir.</translation>
    </message>
    <message>
        <source>Nothing more can be opened in this course now; you can close the player.</source>
        <translation>Rien d&apos;autre ne peut être ouvert dans ce cours pour l&apos;instant ; vous pouvez fermer le lecteur.</translation>
    </message>
    <message>
        <source>Choose an item in the contents to continue.</source>
        <translation>Choisissez un élément du sommaire pour continuer.</translation>
    </message>
    <message>
        <source>Choose an item in the contents to begin.</source>
        <translation>Choisissez un élément du sommaire pour commencer.</translation>
    </message>
    <message>
        <source>, or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Choose what to do next: {0}.</source>
        <translation>Choisissez la suite : {0}.</translation>
    </message>
    <message>
        <source>Report date</source>
        <extracomment>Words reports/pdf_html.py uses inside f-strings, where lupdate does not look: marked here so they are extracted.</extracomment>
        <translation>Date du rapport</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>No rows.</source>
        <translation>Aucune ligne.</translation>
    </message>
    <message>
        <source>No courses.</source>
        <translation>Aucun cours.</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <extracomment>A translation of the report&apos;s words (the identity when there is none).</extracomment>
        <translation>Taux d&apos;achèvement</translation>
    </message>
    <message>
        <source>Average progress</source>
        <translation>Progression moyenne</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Score moyen</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Temps total</translation>
    </message>
    <message>
        <source>Learning report: learner</source>
        <translation>Rapport d&apos;apprentissage : apprenant</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Learning report: course</source>
        <translation>Rapport d&apos;apprentissage : cours</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>Learning report: all courses</source>
        <translation>Rapport d&apos;apprentissage : tous les cours</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <extracomment>Device pixels per inch of the PDF layout: CSS pixels in the HTML are these (the PDF itself is vector).</extracomment>
        <translation>Page {0} sur {1}</translation>
    </message>
    <message>
        <source>Learning report: {0}</source>
        <translation>Rapport d&apos;apprentissage : {0}</translation>
    </message>
    <message>
        <source>The package&apos;s own &apos;{0}&apos; folder was left out: that name is reserved for the app&apos;s own files.</source>
        <extracomment>Folder inside the archive/folder that holds the manifest: &quot;&quot; or e.g. &quot;course&quot;. The manifest&apos;s file name as spelled in the package (e.g. &quot;IMSManifest.xml&quot;). Package files relative to `root`, &quot;/&quot; separated (no folders, no __MACOSX/.DS_Store litter). Declared uncompressed size of `files`, in bytes. Sentences about what was left out of the package (reserved names), for the import&apos;s warnings. Asked between stages and inside long ones (manifest parsing, hashing, extraction); True stops with Cancelled.</extracomment>
        <translation>Le dossier « {0} » du paquet a été laissé de côté : ce nom est réservé aux fichiers de l&apos;application.</translation>
    </message>
    <message>
        <source>The package unpacks to {0}, more than the {1} size limit.</source>
        <translation>Le paquet décompressé occupe {0}, plus que la limite de {1}.</translation>
    </message>
    <message>
        <source>The package has no file &apos;{0}&apos;.</source>
        <translation>Le paquet ne contient pas de fichier « {0} ».</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is damaged: its data does not match its header ({1}).</source>
        <translation>L&apos;entrée « {0} » du paquet est endommagée : ses données ne correspondent pas à son en-tête ({1}).</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is damaged: its size does not match its header.</source>
        <translation>L&apos;entrée « {0} » du paquet est endommagée : sa taille ne correspond pas à son en-tête.</translation>
    </message>
    <message>
        <source>The manifest {0} is {1}, more than the {2} a manifest may be.</source>
        <translation>Le manifeste {0} fait {1}, plus que les {2} permis pour un manifeste.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; would be written outside the destination.</source>
        <translation>L&apos;entrée « {0} » du paquet serait écrite hors du dossier de destination.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a ZIP archive.</source>
        <translation>« {0} » n&apos;est pas une archive ZIP.</translation>
    </message>
    <message>
        <source>The package has {0:,} entries, more than the limit of {1:,}.</source>
        <translation>Le paquet contient {0:,} entrées, plus que la limite de {1:,}.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; appears twice in the ZIP, which is refused.</source>
        <translation>L&apos;entrée « {0} » figure deux fois dans le ZIP, ce qui est refusé.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is a symbolic link, which is refused for safety.</source>
        <translation>L&apos;entrée « {0} » du paquet est un lien symbolique, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is a device or special file, which is refused for safety.</source>
        <translation>L&apos;entrée « {0} » du paquet est un périphérique ou un fichier spécial, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is encrypted; password-protected packages are not supported.</source>
        <translation>L&apos;entrée « {0} » du paquet est chiffrée ; les paquets protégés par mot de passe ne sont pas pris en charge.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; uses a compression method (number {1}) this app cannot read; re-create the ZIP with standard compression.</source>
        <translation>L&apos;entrée « {0} » du paquet utilise une méthode de compression (numéro {1}) que cette application ne sait pas lire ; recréez le ZIP avec une compression standard.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; expands more than {1:g} times its compressed size; it is refused as a likely zip bomb.</source>
        <translation>L&apos;entrée « {0} » du paquet se décompresse à plus de {1:g} fois sa taille compressée ; elle est refusée comme bombe ZIP probable.</translation>
    </message>
    <message>
        <source>The package unpacks to {0} from {1} of compressed data, more than {2:g} times as much; it is refused as a likely zip bomb.</source>
        <translation>Le paquet se décompresse en {0} à partir de {1} de données compressées, plus de {2:g} fois plus ; il est refusé comme bombe ZIP probable.</translation>
    </message>
    <message>
        <source>The folder &apos;{0}&apos; cannot be read ({1}).</source>
        <translation>Le dossier « {0} » ne peut pas être lu ({1}).</translation>
    </message>
    <message>
        <source>The package file &apos;{0}&apos; is a symbolic link, which is refused for safety.</source>
        <translation>Le fichier « {0} » du paquet est un lien symbolique, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package file &apos;{0}&apos; is a device or special file, which is refused for safety.</source>
        <translation>Le fichier « {0} » du paquet est un périphérique ou un fichier spécial, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package has more than {0:,} files, the limit.</source>
        <translation>Le paquet contient plus de {0:,} fichiers, la limite.</translation>
    </message>
    <message>
        <source>The package file &apos;{0}&apos; cannot be read ({1}).</source>
        <translation>Le fichier « {0} » du paquet ne peut pas être lu ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; does not exist.</source>
        <translation>« {0} » n&apos;existe pas.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; cannot be read ({1}).</source>
        <translation>« {0} » ne peut pas être lu ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a regular file or a folder; only ZIP files and package folders can be imported.</source>
        <translation>« {0} » n&apos;est ni un fichier ordinaire ni un dossier ; seuls les fichiers ZIP et les dossiers de paquet peuvent être importés.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; has a name with a NUL character, which is refused for safety.</source>
        <extracomment>Read size when streaming entries. zipfile&apos;s own extraction reads 64 KiB; 1 MiB reads made zlib work several times harder (ZipExtFile re-copies the unconsumed input on every capped decompress call): 0.29 s instead of 0.03 s of decompress time for 150 MiB (benchmarks/profiles/import.md). Progress and cancel are reported once per this many bytes (and at the end of each file), not per read. Extraction creates every file new: never through a link, never over an existing file. Names that are never package content (macOS and Windows litter); left out of files, hash and extraction. Top-level names inside a course folder that belong to the app, never to the package (compared without case): `.converted` holds converted media and their plan (media/jobs.py), `.scorm-desktop` what the import recorded. Content carrying them is never read as the app&apos;s own: they are left out at import, with a warning. Entries larger than `ratio_min_size` may not expand more than `max_ratio` times their compressed size. The whole archive may not expand more than `max_ratio` times its size on disk (once it unpacks to more than `ratio_min_size`): thousands of small, very compressible entries each pass the per-entry check. The manifest is read into memory and parsed: its size and element depth are capped.</extracomment>
        <translation>L&apos;entrée « {0} » du paquet a un nom contenant un caractère NUL, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; has an absolute path, which is refused for safety.</source>
        <translation>L&apos;entrée « {0} » du paquet a un chemin absolu, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; names a drive letter, which is refused for safety.</source>
        <translation>L&apos;entrée « {0} » du paquet nomme une lettre de lecteur, ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; points outside the package (&apos;..&apos;), which is refused for safety.</source>
        <translation>L&apos;entrée « {0} » du paquet pointe hors du paquet (« .. »), ce qui est refusé par sécurité.</translation>
    </message>
    <message>
        <source>The package holds several manifests ({0}); import each course on its own.</source>
        <translation>Le paquet contient plusieurs manifestes ({0}) ; importez chaque cours séparément.</translation>
    </message>
    <message>
        <source>The package&apos;s imsmanifest.xml is in the folder &apos;{0}&apos;, not at the top, and other files lie outside that folder.</source>
        <translation>Le fichier imsmanifest.xml du paquet se trouve dans le dossier « {0} », pas à la racine, et d&apos;autres fichiers sont hors de ce dossier.</translation>
    </message>
    <message>
        <source>This is a cmi5 package; cmi5 is not supported yet.</source>
        <translation>Ceci est un paquet cmi5 ; cmi5 n&apos;est pas encore pris en charge.</translation>
    </message>
    <message>
        <source>This is an xAPI (Tin Can) package; xAPI packages are not supported yet.</source>
        <translation>Ceci est un paquet xAPI (Tin Can) ; les paquets xAPI ne sont pas encore pris en charge.</translation>
    </message>
    <message>
        <source>This is an AICC package; AICC is not supported yet.</source>
        <translation>Ceci est un paquet AICC ; AICC n&apos;est pas encore pris en charge.</translation>
    </message>
    <message>
        <source>The package has no imsmanifest.xml: it is not a SCORM package.</source>
        <translation>Le paquet ne contient pas d&apos;imsmanifest.xml : ce n&apos;est pas un paquet SCORM.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is both a file and a folder, which is refused.</source>
        <translation>L&apos;entrée « {0} » du paquet est à la fois un fichier et un dossier, ce qui est refusé.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; holds more data than its header declares; it is refused as a likely zip bomb.</source>
        <translation>L&apos;entrée « {0} » du paquet contient plus de données que son en-tête n&apos;en déclare ; elle est refusée comme bombe ZIP probable.</translation>
    </message>
    <message>
        <source>The package unpacks to more than {0}, the size limit.</source>
        <translation>Le paquet décompressé occupe plus de {0}, la taille limite.</translation>
    </message>
    <message>
        <source>nothing in it names a version, so SCORM 1.2 was assumed</source>
        <translation>rien n&apos;y indique de version, SCORM 1.2 a donc été supposé</translation>
    </message>
    <message>
        <source>it was read as SCORM {0}, guessed from its namespaces</source>
        <translation>il a été lu comme SCORM {0}, d&apos;après ses espaces de noms</translation>
    </message>
    <message>
        <source>The manifest&apos;s schemaversion &apos;{0}&apos; is not a known SCORM version; {1}.</source>
        <translation>La schemaversion « {0} » du manifeste n&apos;est pas une version connue de SCORM ; {1}.</translation>
    </message>
    <message>
        <source>The manifest does not state its SCORM version (no &lt;schemaversion&gt;); {0}.</source>
        <translation>Le manifeste n&apos;indique pas sa version de SCORM (pas de &lt;schemaversion&gt;) ; {0}.</translation>
    </message>
    <message>
        <source>Item &apos;{0}&apos; opens the web address &apos;{1}&apos;, which needs a network connection.</source>
        <translation>L&apos;élément « {0} » ouvre l&apos;adresse web « {1} », qui nécessite une connexion réseau.</translation>
    </message>
    <message>
        <source>The launch file &apos;{0}&apos; of item &apos;{1}&apos; is missing from the package.</source>
        <translation>Le fichier de lancement « {0} » de l&apos;élément « {1} » manque dans le paquet.</translation>
    </message>
    <message>
        <source>The launch file &apos;{0}&apos; of item &apos;{1}&apos; is named &apos;{2}&apos; in the package (different letter case); that file is used.</source>
        <translation>Le fichier de lancement « {0} » de l&apos;élément « {1} » s&apos;appelle « {2} » dans le paquet (majuscules et minuscules différentes) ; c&apos;est ce fichier qui est utilisé.</translation>
    </message>
    <message>
        <source>The manifest lists files the package does not contain: &apos;{0}&apos; and {1} more.</source>
        <translation>Le manifeste liste des fichiers que le paquet ne contient pas : « {0} » et {1} autres.</translation>
    </message>
    <message>
        <source>The manifest lists files the package does not contain: &apos;{0}&apos;.</source>
        <translation>Le manifeste liste des fichiers que le paquet ne contient pas : « {0} ».</translation>
    </message>
    <message>
        <source> (and {0} more problems)</source>
        <translation> (et {0} autres problèmes)</translation>
    </message>
    <message>
        <source> Also: </source>
        <translation> Également : </translation>
    </message>
    <message>
        <source>The package has no item that can be launched (no resource with an href).</source>
        <translation>Le paquet ne contient aucun élément pouvant être lancé (aucune ressource avec un href).</translation>
    </message>
    <message>
        <source>A resource in the manifest has no identifier; it is ignored.</source>
        <translation>Une ressource du manifeste n&apos;a pas d&apos;identifiant ; elle est ignorée.</translation>
    </message>
    <message>
        <source>The manifest defines the resource &apos;{0}&apos; twice; the first definition is used.</source>
        <translation>Le manifeste définit deux fois la ressource « {0} » ; la première définition est utilisée.</translation>
    </message>
    <message>
        <source>Item &apos;{0}&apos; refers to resource &apos;{1}&apos;, which the manifest does not define; it is skipped.</source>
        <translation>L&apos;élément « {0} » renvoie à la ressource « {1} », que le manifeste ne définit pas ; il est ignoré.</translation>
    </message>
    <message>
        <source>Item &apos;{0}&apos; has a mastery score &apos;{1}&apos; that is not a number; it is ignored.</source>
        <translation>L&apos;élément « {0} » a un score de maîtrise « {1} » qui n&apos;est pas un nombre ; il est ignoré.</translation>
    </message>
    <message>
        <source>The organization &apos;{0}&apos; has no identifier; it was given the identifier &apos;{1}&apos;.</source>
        <translation>L&apos;organisation « {0} » n&apos;a pas d&apos;identifiant ; elle a reçu l&apos;identifiant « {1} ».</translation>
    </message>
    <message>
        <source>The organization &apos;{0}&apos; has no title; the course is titled &apos;{1}&apos; instead.</source>
        <translation>L&apos;organisation « {0} » n&apos;a pas de titre ; le cours s&apos;intitule « {1} » à la place.</translation>
    </message>
    <message>
        <source>The manifest defines no organization (no table of contents); the course was built from its only SCO resource.</source>
        <translation>Le manifeste ne définit aucune organisation (pas de table des matières) ; le cours a été construit à partir de son unique ressource SCO.</translation>
    </message>
    <message>
        <source>The manifest defines no organization (no table of contents); the course was built from its {0} SCO resources in the order they are listed.</source>
        <translation>Le manifeste ne définit aucune organisation (pas de sommaire) ; le cours a été construit à partir de ses {0} ressources SCO, dans l&apos;ordre où elles sont listées.</translation>
    </message>
    <message>
        <source>The default organization &apos;{0}&apos; does not exist; the first organization, &apos;{1}&apos;, is used instead.</source>
        <translation>L&apos;organisation par défaut « {0} » n&apos;existe pas ; la première organisation, « {1} », est utilisée à la place.</translation>
    </message>
    <message>
        <source>The manifest names no default organization; the first one, &apos;{0}&apos;, is used.</source>
        <translation>Le manifeste n&apos;indique pas d&apos;organisation par défaut ; la première, « {0} », est utilisée.</translation>
    </message>
    <message>
        <source>The manifest {0} is empty.</source>
        <extracomment>Deepest element nesting read (the readers recurse over items; real manifests nest a dozen levels at most). The XML is fed to the parser in pieces this large, `cancelled()` asked between them. Expat before 2.6 re-scans an unfinished token on every feed, so small pieces (ElementTree.iterparse feeds 16 KiB) make a long comment or text quadratic: an 80 MB comment took 208 s. Large pieces keep it linear.</extracomment>
        <translation>Le manifeste {0} est vide.</translation>
    </message>
    <message>
        <source>The manifest {0} nests its elements more than {1} deep, which is refused.</source>
        <translation>Le manifeste {0} imbrique ses éléments sur plus de {1} niveaux, ce qui est refusé.</translation>
    </message>
    <message>
        <source>The manifest uses XML entities or a DTD, which are refused for safety.</source>
        <translation>Le manifeste utilise des entités XML ou une DTD, qui sont refusées par sécurité.</translation>
    </message>
    <message>
        <source>The manifest {0} is empty: it has no &lt;manifest&gt; element.</source>
        <translation>Le manifeste {0} est vide : il n&apos;a pas d&apos;élément &lt;manifest&gt;.</translation>
    </message>
    <message>
        <source>The manifest {0} is not well-formed XML (line {1}: {2}).</source>
        <translation>Le manifeste {0} n&apos;est pas du XML bien formé (ligne {1} : {2}).</translation>
    </message>
    <message>
        <source>The file {0} is not a SCORM manifest: its top element is &lt;{1}&gt;, not &lt;manifest&gt;.</source>
        <translation>Le fichier {0} n&apos;est pas un manifeste SCORM : son élément racine est &lt;{1}&gt;, pas &lt;manifest&gt;.</translation>
    </message>
    <message>
        <source>The manifest {0} is not valid UTF-8; it was read as Windows-1252 text.</source>
        <translation>Le manifeste {0} n&apos;est pas de l&apos;UTF-8 valide ; il a été lu comme du texte Windows-1252.</translation>
    </message>
    <message>
        <source>There is no course {0} in the library.</source>
        <extracomment>Test-only: set to a stage name (&quot;after-rename&quot;) to make an import print `paused at STAGE` to stderr and sleep there, so a test can SIGKILL it at that exact point. Nothing reads it otherwise. What a launch does once the course was completed: &quot;review&quot; or &quot;new-attempt&quot;. The course was removed from the library (its files are gone; its records were kept). The user allowed the course&apos;s pages to reach the internet (off by default: content is untrusted). The course this import updated or brought back (its id and records are kept). Media files the player&apos;s engine cannot decode, with their codecs (converted in the background). What happened, in a word: &quot;imported&quot;, &quot;duplicate&quot;, &quot;updated&quot;, or &quot;restored&quot; (a removed course came back).</extracomment>
        <translation>La bibliothèque ne contient pas de cours {0}.</translation>
    </message>
    <message>
        <source>There is no course &apos;{0}&apos; in the library.</source>
        <translation>La bibliothèque ne contient pas de cours « {0} ».</translation>
    </message>
    <message>
        <source>Several courses match &apos;{0}&apos;; give the course id instead.</source>
        <translation>Plusieurs cours correspondent à « {0} » ; indiquez plutôt le numéro du cours.</translation>
    </message>
    <message>
        <source>Unknown relaunch choice &apos;{0}&apos;.</source>
        <translation>Choix de relance inconnu « {0} ».</translation>
    </message>
    <message>
        <source>&apos;Allow internet access&apos; is true or false, not {0!r}.</source>
        <translation>« Autoriser l&apos;accès à Internet » vaut vrai ou faux, pas {0!r}.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing of it was kept.</source>
        <translation>L&apos;importation a été annulée ; rien n&apos;en a été conservé.</translation>
    </message>
    <message>
        <source>There is no course with the identifier &apos;{0}&apos; to update; import it without --update to add it.</source>
        <translation>Aucun cours ne porte l&apos;identifiant « {0} » à mettre à jour ; importez-le sans --update pour l&apos;ajouter.</translation>
    </message>
    <message>
        <source>The package could not be written into the library{0}: {1}.</source>
        <translation>Le paquet n&apos;a pas pu être écrit dans la bibliothèque{0} : {1}.</translation>
    </message>
    <message>
        <source>The package&apos;s audio and video could not be checked ({0}); some may not play.</source>
        <translation>Le son et la vidéo du paquet n&apos;ont pas pu être vérifiés ({0}) ; certains pourraient ne pas être lus.</translation>
    </message>
    <message>
        <source>The course structure &apos;{0}&apos; launches its AUs from the web (such as &apos;{1}&apos;): it needs the network, and SCORM Desktop plays courses offline from a ZIP that holds their files.</source>
        <extracomment>A bare descriptor larger than this is not read (a real one is a few hundred kilobytes at most).</extracomment>
        <translation>La structure de cours « {0} » lance ses AU depuis le web (par exemple « {1} ») : il faut le réseau, et SCORM Desktop lit les cours hors ligne à partir d&apos;un ZIP qui contient leurs fichiers.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is a cmi5 course structure without the course&apos;s files; import the course&apos;s ZIP instead.</source>
        <translation>« {0} » est une structure de cours cmi5 sans les fichiers du cours ; importez plutôt le ZIP du cours.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is a Tin Can descriptor without the course&apos;s files; import the course&apos;s ZIP instead.</source>
        <translation>« {0} » est un descripteur Tin Can sans les fichiers du cours ; importez plutôt le ZIP du cours.</translation>
    </message>
    <message>
        <source>{0} is launched from &apos;{1}&apos;, on the web: it needs the network, and SCORM Desktop plays courses offline from the files in their package.</source>
        <translation>{0} se lance depuis « {1} », sur le web : il faut le réseau, et SCORM Desktop lit les cours hors ligne à partir des fichiers de leur paquet.</translation>
    </message>
    <message>
        <source>The launch URL &apos;{0}&apos; of {1} does not name a file inside the package.</source>
        <translation>L&apos;URL de lancement « {0} » ({1}) ne désigne aucun fichier du paquet.</translation>
    </message>
    <message>
        <source> (the package has &apos;{0}&apos;: letter case differs)</source>
        <translation> (le paquet contient « {0} » : majuscules et minuscules diffèrent)</translation>
    </message>
    <message>
        <source>The launch file &apos;{0}&apos; of {1} is missing from the package{2}.</source>
        <translation>Le fichier de lancement « {0} » ({1}) manque dans le paquet{2}.</translation>
    </message>
    <message>
        <source>the AU &apos;{0}&apos;</source>
        <translation>l&apos;AU « {0} »</translation>
    </message>
    <message>
        <source>The package holds both a cmi5 course structure (cmi5.xml) and a SCORM manifest (imsmanifest.xml); it was imported as cmi5.</source>
        <translation>Le paquet contient à la fois une structure de cours cmi5 (cmi5.xml) et un manifeste SCORM (imsmanifest.xml) ; il a été importé en cmi5.</translation>
    </message>
    <message>
        <source>An activity in {0} has the id &apos;{1}&apos;, which is not an IRI (such as https://…).</source>
        <translation>Une activité de {0} a l&apos;identifiant « {1} », qui n&apos;est pas un IRI (comme https://…).</translation>
    </message>
    <message>
        <source>The activity id &apos;{0}&apos; appears twice in {1}.</source>
        <translation>L&apos;identifiant d&apos;activité « {0} » figure deux fois dans {1}.</translation>
    </message>
    <message>
        <source>The activity &apos;{0}&apos; in {1} has the type &apos;{2}&apos;, which is not an IRI.</source>
        <translation>L&apos;activité « {0} » de {1} a le type « {2} », qui n&apos;est pas un IRI.</translation>
    </message>
    <message>
        <source>The file {0} names no activity with a &lt;launch&gt; file: there is nothing to play.</source>
        <translation>Le fichier {0} ne nomme aucune activité avec un fichier &lt;launch&gt; : il n&apos;y a rien à lire.</translation>
    </message>
    <message>
        <source>the activity &apos;{0}&apos;</source>
        <translation>l&apos;activité « {0} »</translation>
    </message>
    <message>
        <source>The package holds both a Tin Can descriptor (tincan.xml) and a SCORM manifest (imsmanifest.xml); it was imported as Tin Can.</source>
        <translation>Le paquet contient à la fois un descripteur Tin Can (tincan.xml) et un manifeste SCORM (imsmanifest.xml) ; il a été importé en Tin Can.</translation>
    </message>
    <message>
        <source>The file {0} is empty.</source>
        <extracomment>The &lt;url&gt; as written (relative to the package root, or absolute).</extracomment>
        <translation>Le fichier {0} est vide.</translation>
    </message>
    <message>
        <source>The file {0} uses XML entities or a DTD, which are refused for safety.</source>
        <translation>Le fichier {0} utilise des entités XML ou une DTD, qui sont refusées par sécurité.</translation>
    </message>
    <message>
        <source>The file {0} is not well-formed XML (line {1}: {2}).</source>
        <translation>Le fichier {0} n&apos;est pas du XML bien formé (ligne {1} : {2}).</translation>
    </message>
    <message>
        <source>The file {0} is not valid: its top element is &lt;{1}&gt;, not &lt;{2}&gt;.</source>
        <translation>Le fichier {0} n&apos;est pas valide : son élément racine est &lt;{1}&gt;, pas &lt;{2}&gt;.</translation>
    </message>
    <message>
        <source>{0} has no &lt;{1}&gt; in {2}.</source>
        <translation>{0} n&apos;a pas de &lt;{1}&gt; dans {2}.</translation>
    </message>
    <message>
        <source>The &lt;{0}&gt; of {1} has no &lt;langstring&gt; in {2}.</source>
        <translation>Dans {2}, l&apos;élément &lt;{0}&gt; ({1}) n&apos;a pas de &lt;langstring&gt;.</translation>
    </message>
    <message>
        <source>{0} has no {1} attribute in {2}.</source>
        <translation>{0} n&apos;a pas d&apos;attribut {1} dans {2}.</translation>
    </message>
    <message>
        <source>{0} has the {1} &apos;{2}&apos;, which is not an IRI (such as https://…).</source>
        <translation>{0} a pour {1} « {2} », qui n&apos;est pas un IRI (comme https://…).</translation>
    </message>
    <message>
        <source>{0} refers to the objective &apos;{1}&apos;, which the course does not declare.</source>
        <translation>{0} renvoie à l&apos;objectif « {1} », que le cours ne déclare pas.</translation>
    </message>
    <message>
        <source>The file {0} is not a cmi5 course structure: its namespace is &apos;{1}&apos;, not &apos;{2}&apos;.</source>
        <translation>Le fichier {0} n&apos;est pas une structure de cours cmi5 : son espace de noms est « {1} », pas « {2} ».</translation>
    </message>
    <message>
        <source>The file {0} must hold exactly one &lt;course&gt;; it holds {1}.</source>
        <translation>Le fichier {0} doit contenir exactement un &lt;course&gt; ; il en contient {1}.</translation>
    </message>
    <message>
        <source>the course</source>
        <translation>le cours</translation>
    </message>
    <message>
        <source>the objective</source>
        <translation>l&apos;objectif</translation>
    </message>
    <message>
        <source>The objective id &apos;{0}&apos; appears twice in {1}.</source>
        <translation>L&apos;identifiant d&apos;objectif « {0} » figure deux fois dans {1}.</translation>
    </message>
    <message>
        <source>the objective &apos;{0}&apos;</source>
        <translation>l&apos;objectif « {0} »</translation>
    </message>
    <message>
        <source>The course in {0} has no AU: there is nothing to launch.</source>
        <translation>Le cours de {0} n&apos;a aucune AU : il n&apos;y a rien à lancer.</translation>
    </message>
    <message>
        <source>The file {0} holds an unknown element &lt;{1}&gt; in the course structure.</source>
        <translation>Le fichier {0} contient un élément inconnu &lt;{1}&gt; dans la structure du cours.</translation>
    </message>
    <message>
        <source>the block</source>
        <translation>le bloc</translation>
    </message>
    <message>
        <source>the block &apos;{0}&apos;</source>
        <translation>le bloc « {0} »</translation>
    </message>
    <message>
        <source>{0} holds no AU and no block.</source>
        <translation>{0} ne contient ni AU ni bloc.</translation>
    </message>
    <message>
        <source>The AU id &apos;{0}&apos; appears twice in {1}; each AU needs its own id.</source>
        <translation>L&apos;identifiant d&apos;AU « {0} » figure deux fois dans {1} ; chaque AU doit avoir son propre identifiant.</translation>
    </message>
    <message>
        <source>The block id &apos;{0}&apos; appears twice in {1}; each block needs its own id.</source>
        <translation>L&apos;identifiant de bloc « {0} » figure deux fois dans {1} ; chaque bloc doit avoir son propre identifiant.</translation>
    </message>
    <message>
        <source>an AU</source>
        <translation>une AU</translation>
    </message>
    <message>
        <source>a block</source>
        <translation>un bloc</translation>
    </message>
    <message>
        <source>The id &apos;{0}&apos; of {1} is also the id of {2} in {3}.</source>
        <translation>Dans {3}, l&apos;identifiant « {0} » sert à la fois pour {1} et pour {2}.</translation>
    </message>
    <message>
        <source>the AU</source>
        <translation>l&apos;AU</translation>
    </message>
    <message>
        <source>{0} has no launch &lt;url&gt; in {1}.</source>
        <translation>{0} n&apos;a pas d&apos;&lt;url&gt; de lancement dans {1}.</translation>
    </message>
    <message>
        <source>{0} has moveOn &apos;{1}&apos;; it must be one of {2}.</source>
        <translation>{0} a pour moveOn « {1} » ; il doit valoir l&apos;un de {2}.</translation>
    </message>
    <message>
        <source>{0} has launchMethod &apos;{1}&apos;; it must be AnyWindow or OwnWindow.</source>
        <translation>{0} a pour launchMethod « {1} » ; il doit valoir AnyWindow ou OwnWindow.</translation>
    </message>
    <message>
        <source>{0} has masteryScore &apos;{1}&apos;; it must be a decimal from 0 to 1.</source>
        <translation>{0} a pour masteryScore « {1} » ; il doit être un nombre décimal de 0 à 1.</translation>
    </message>
    <message>
        <source>{0} has the activityType &apos;{1}&apos;, which is not an IRI.</source>
        <translation>{0} a pour activityType « {1} », qui n&apos;est pas un IRI.</translation>
    </message>
    <message>
        <source>the LRS did not answer in time ({0})</source>
        <extracomment>What an answer means for the batch. Seconds the LRS asked us to wait (Retry-After), if it said. time.monotonic() after which no request may still be waiting (None: only the per-request time-out).</extracomment>
        <translation>le LRS n&apos;a pas répondu à temps ({0})</translation>
    </message>
    <message>
        <source>the LRS could not be reached ({0})</source>
        <translation>le LRS est injoignable ({0})</translation>
    </message>
    <message>
        <source>the LRS refused the credentials (HTTP {0}): check the user name and password</source>
        <translation>le LRS a refusé les identifiants (HTTP {0}) : vérifiez le nom d&apos;utilisateur et le mot de passe</translation>
    </message>
    <message>
        <source>the endpoint has no xAPI statements resource (HTTP 404): check the endpoint URL</source>
        <translation>le point d&apos;accès n&apos;a pas de ressource xAPI statements (HTTP 404) : vérifiez l&apos;URL du point d&apos;accès</translation>
    </message>
    <message>
        <source>{0} is not a SCORM Desktop records bundle.</source>
        <extracomment>Refuse payloads that decompress beyond this (a hostile or broken file must not fill the disk or memory). Pending document writes carried too. Document writes in the file, and how many of them were queued here (the others were older than ours).</extracomment>
        <translation>{0} n&apos;est pas un lot de résultats SCORM Desktop.</translation>
    </message>
    <message>
        <source>{0} is damaged: its header is incomplete.</source>
        <translation>{0} est endommagé : son en-tête est incomplet.</translation>
    </message>
    <message>
        <source>{0} is damaged: its header cannot be read ({1}).</source>
        <translation>{0} est endommagé : son en-tête ne peut pas être lu ({1}).</translation>
    </message>
    <message>
        <source>{0} was changed after it was written: its signature does not match.</source>
        <translation>{0} a été modifié après son écriture : sa signature ne correspond pas.</translation>
    </message>
    <message>
        <source>{0} is damaged: its contents do not match their checksum.</source>
        <translation>{0} est endommagé : son contenu ne correspond pas à sa somme de contrôle.</translation>
    </message>
    <message>
        <source>{0} is damaged: it says {1} statements but holds {2}.</source>
        <translation>{0} est endommagé : il annonce {1} déclarations mais en contient {2}.</translation>
    </message>
    <message>
        <source>{0} is damaged: it says {1} documents but holds {2}.</source>
        <translation>{0} est endommagé : il annonce {1} documents mais en contient {2}.</translation>
    </message>
    <message>
        <source>{0} claims to come from device {1}, but is signed with another key than the one accepted from that device before (fingerprint {2}); not imported.</source>
        <translation>{0} prétend venir de l&apos;appareil {1}, mais il est signé avec une autre clé que celle acceptée auparavant de cet appareil (empreinte {2}) ; non importé.</translation>
    </message>
    <message>
        <source>{0} reuses the key of device {1}; not imported.</source>
        <translation>{0} réutilise la clé de l&apos;appareil {1} ; non importé.</translation>
    </message>
    <message>
        <source>a field is missing or of the wrong kind</source>
        <translation>un champ manque ou n&apos;est pas du bon type</translation>
    </message>
    <message>
        <source>the agent is not a JSON object</source>
        <translation>l&apos;agent n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>a document write needs its content, a delete none</source>
        <translation>l&apos;écriture d&apos;un document a besoin de son contenu, une suppression d&apos;aucun</translation>
    </message>
    <message>
        <source>{0} holds a document that is not valid ({1}).</source>
        <translation>{0} contient un document non valide ({1}).</translation>
    </message>
    <message>
        <source>{0} is too large once unpacked (over {1} MB).</source>
        <translation>{0} est trop volumineux une fois décompressé (plus de {1} Mo).</translation>
    </message>
    <message>
        <source>{0} is damaged: its contents cannot be unpacked ({1}).</source>
        <translation>{0} est endommagé : son contenu ne peut pas être décompressé ({1}).</translation>
    </message>
    <message>
        <source>the statement&apos;s id does not match</source>
        <translation>l&apos;identifiant de la déclaration ne correspond pas</translation>
    </message>
    <message>
        <source>{0} holds a statement that is not valid ({1}).</source>
        <translation>{0} contient une déclaration non valide ({1}).</translation>
    </message>
    <message>
        <source>Name the recipient with --to (the site or organisation the course is for).</source>
        <extracomment>How far back the clock may honestly drift (or be corrected) before the device&apos;s latest-seen time wins.</extracomment>
        <translation>Nommez le destinataire avec --to (le site ou l&apos;organisation à qui le cours est destiné).</translation>
    </message>
    <message>
        <source>{0} must be 1 or more.</source>
        <translation>{0} doit valoir 1 ou plus.</translation>
    </message>
    <message>
        <source>--expires &apos;{0}&apos; is not a date like 2027-03-31.</source>
        <translation>--expires « {0} » n&apos;est pas une date comme 2027-03-31.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist; choose another place for the dispatch file.</source>
        <translation>Le dossier {0} n&apos;existe pas ; choisissez un autre emplacement pour le fichier d&apos;envoi.</translation>
    </message>
    <message>
        <source>The files of &apos;{0}&apos; are not in the library; import it again to dispatch it.</source>
        <translation>Les fichiers de « {0} » ne sont pas dans la bibliothèque ; importez-le à nouveau pour l&apos;envoyer.</translation>
    </message>
    <message>
        <source>licensed courses for other sites: create, trust, revoke, report</source>
        <translation>cours sous licence pour d&apos;autres sites : créer, faire confiance, révoquer, rapport</translation>
    </message>
    <message>
        <source>write one file: the course and a licence signed by this installation</source>
        <translation>écrire un seul fichier : le cours et une licence signée par cette installation</translation>
    </message>
    <message>
        <source>the site or organisation it is for</source>
        <translation>le site ou l&apos;organisation destinataire</translation>
    </message>
    <message>
        <source>last day it may be launched (UTC)</source>
        <translation>dernier jour où il peut être lancé (UTC)</translation>
    </message>
    <message>
        <source>the dispatches this installation issued</source>
        <translation>les envois émis par cette installation</translation>
    </message>
    <message>
        <source>this installation&apos;s issuer key (give the file to the sites, for `dispatch trust`)</source>
        <translation>la clé d&apos;émetteur de cette installation (donnez le fichier aux sites, pour `dispatch trust`)</translation>
    </message>
    <message>
        <source>accept dispatches signed by the issuer key in KEYFILE</source>
        <translation>accepter les envois signés par la clé d&apos;émetteur de KEYFILE</translation>
    </message>
    <message>
        <source>revoke a dispatch: publish the signed revocation list on the LRS (and/or --out)</source>
        <translation>révoquer un envoi : publier la liste de révocation signée sur le LRS (et/ou --out)</translation>
    </message>
    <message>
        <source>also write the list to FILE for sites without a network (USB)</source>
        <translation>écrire aussi la liste dans FILE pour les sites sans réseau (USB)</translation>
    </message>
    <message>
        <source>do not publish on the LRS</source>
        <translation>ne pas publier sur le LRS</translation>
    </message>
    <message>
        <source>basic-auth user (password as for sync)</source>
        <translation>utilisateur basic-auth (mot de passe comme pour sync)</translation>
    </message>
    <message>
        <source>write the signed revocation list to a file (USB)</source>
        <translation>écrire la liste de révocation signée dans un fichier (USB)</translation>
    </message>
    <message>
        <source>apply a revocation list from a file (USB)</source>
        <translation>appliquer une liste de révocation depuis un fichier (USB)</translation>
    </message>
    <message>
        <source>read the dispatches&apos; statements back from the LRS: per dispatch and device</source>
        <translation>relire depuis le LRS les déclarations des envois : par envoi et par appareil</translation>
    </message>
    <message>
        <source>write a printable A4 PDF (loads Qt, offscreen)</source>
        <translation>écrire un PDF A4 imprimable (charge Qt, hors écran)</translation>
    </message>
    <message>
        <source>refused: {0}</source>
        <translation>refusé : {0}</translation>
    </message>
    <message>
        <source>error: {0} could not be used ({1}).</source>
        <translation>erreur : {0} n&apos;a pas pu être utilisé ({1}).</translation>
    </message>
    <message>
        <source>dispatch {0}: &apos;{1}&apos; for {2} written to {3} (issuer key {4})</source>
        <translation>envoi {0} : « {1} » pour {2} écrit dans {3} (clé d&apos;émetteur {4})</translation>
    </message>
    <message>
        <source>No dispatches issued yet. Create one with: scorm-desktop dispatch create COURSE --to SITE --out FILE</source>
        <translation>Aucun envoi émis pour l&apos;instant. Créez-en un avec : scorm-desktop dispatch create COURSE --to SITE --out FILE</translation>
    </message>
    <message>
        <source>revoked {0}</source>
        <translation>révoqué le {0}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>max launches {0}</source>
        <extracomment>A dispatch&apos;s limits as `dispatch list` words them (called when printed, in the learner&apos;s language).</extracomment>
        <translation>lancements max. {0}</translation>
    </message>
    <message>
        <source>max learners {0}</source>
        <translation>apprenants max. {0}</translation>
    </message>
    <message>
        <source>wrote the issuer key to {0} ({1})</source>
        <translation>clé d&apos;émetteur écrite dans {0} ({1})</translation>
    </message>
    <message>
        <source>trusted the dispatch issuer with key fingerprint {0}</source>
        <translation>l&apos;émetteur d&apos;envois dont l&apos;empreinte de clé est {0} est désormais approuvé</translation>
    </message>
    <message>
        <source>wrote the revocation list ({0} dispatch(es)) to {1}</source>
        <translation>liste de révocation ({0} envoi(s)) écrite dans {1}</translation>
    </message>
    <message>
        <source>published the revocation list ({0} dispatch(es)) on {1}</source>
        <translation>liste de révocation ({0} envoi(s)) publiée sur {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a dispatch revocation list; nothing was changed.</source>
        <translation>« {0} » n&apos;est pas une liste de révocation d&apos;envois ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{0} dispatch(es) newly revoked (issuer {1})</source>
        <translation>{0} envoi(s) nouvellement révoqué(s) (émetteur {1})</translation>
    </message>
    <message>
        <source>This installation issued no dispatch &apos;{0}&apos; (see: dispatch list).</source>
        <translation>Cette installation n&apos;a émis aucun envoi « {0} » (voir : dispatch list).</translation>
    </message>
    <message>
        <source>No dispatches issued yet.</source>
        <translation>Aucun envoi émis pour l&apos;instant.</translation>
    </message>
    <message>
        <source>(revoked)</source>
        <translation>(révoqué)</translation>
    </message>
    <message>
        <source>all devices: {0}</source>
        <translation>tous les appareils : {0}</translation>
    </message>
    <message>
        <source>device {0}: {1}; missing records: {2}</source>
        <translation>appareil {0} : {1} ; résultats manquants : {2}</translation>
    </message>
    <message>
        <source>Dispatch report</source>
        <translation>Rapport des envois</translation>
    </message>
    <message>
        <source>{0} launches, {1} learners, {2} completed, {3} passed, average score {4}, last launch {5}</source>
        <translation>{0} lancements, {1} apprenants, {2} terminés, {3} réussis, score moyen {4}, dernier lancement {5}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; cannot be read as an issuer key file ({1}).</source>
        <translation>« {0} » ne peut pas être lu comme fichier de clé d&apos;émetteur ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; holds no issuer key (write one with: scorm-desktop dispatch key --out FILE).</source>
        <translation>« {0} » ne contient aucune clé d&apos;émetteur (créez-en une avec : scorm-desktop dispatch key --out FILE).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; comes from an issuer this computer does not trust (fingerprint {1}); trust it first with: scorm-desktop dispatch trust KEYFILE.</source>
        <translation>« {0} » vient d&apos;un émetteur auquel cet ordinateur ne fait pas confiance (empreinte {1}) ; accordez-lui d&apos;abord votre confiance avec : scorm-desktop dispatch trust KEYFILE.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was revoked by its issuer; ask the issuer for a new dispatch.</source>
        <translation>« {0} » a été révoqué par son émetteur ; demandez à l&apos;émetteur un nouvel envoi.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; holds another course than its licence names; not imported.</source>
        <translation>« {0} » contient un autre cours que celui nommé par sa licence ; non importé.</translation>
    </message>
    <message>
        <source>revoked by the issuer</source>
        <translation>révoqué par l&apos;émetteur</translation>
    </message>
    <message>
        <source>{0} of {1} launches left</source>
        <translation>{0} lancements restants sur {1}</translation>
    </message>
    <message>
        <source>{0} of {1} learners</source>
        <translation>{0} apprenants sur {1}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>{0} {1} {2}</source>
        <translation>{0} {1} {2}</translation>
    </message>
    <message>
        <source>expired {0}</source>
        <translation>expirée le {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is licensed for {1}, all taken: {2}</source>
        <translation>« {0} » est sous licence pour {1}, toutes les places sont prises : {2}</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>expire le {0}</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>sans limites</translation>
    </message>
    <message>
        <source>ask the issuer for a new dispatch of this course; earlier results are kept and still synced.</source>
        <translation>demandez à l&apos;émetteur un nouvel envoi de ce cours ; les résultats précédents sont conservés et toujours synchronisés.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was revoked by its issuer: {1}</source>
        <translation>« {0} » a été révoqué par son émetteur : {1}</translation>
    </message>
    <message>
        <source>The licence for &apos;{0}&apos; expired on {1}: {2}</source>
        <translation>La licence de « {0} » a expiré le {1} : {2}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has used the one launch of its licence: {1}</source>
        <translation>« {0} » a utilisé l&apos;unique lancement de sa licence : {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has used all {1} launches of its licence: {2}</source>
        <translation>« {0} » a utilisé les {1} lancements de sa licence : {2}</translation>
    </message>
    <message>
        <source>{0} comes from an issuer this computer does not trust (fingerprint {1}); nothing was changed.</source>
        <translation>{0} vient d&apos;un émetteur auquel cet ordinateur ne fait pas confiance (empreinte {1}) ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>it lacks {0}</source>
        <extracomment>An outcome the user is told about, not a fault: the Worker logs it at INFO, without a traceback.</extracomment>
        <translation>il y manque {0}</translation>
    </message>
    <message>
        <source>its limits are not positive whole numbers</source>
        <translation>ses limites ne sont pas des nombres entiers positifs</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a SCORM Desktop dispatch file.</source>
        <translation>« {0} » n&apos;est pas un fichier d&apos;envoi SCORM Desktop.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is damaged: its licence is incomplete; ask the issuer for the file again.</source>
        <translation>« {0} » est endommagé : sa licence est incomplète ; redemandez le fichier à l&apos;émetteur.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is damaged: its licence cannot be read ({1}).</source>
        <translation>« {0} » est endommagé : sa licence ne peut pas être lue ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was changed after the issuer signed it (its signature does not match); not imported.</source>
        <translation>« {0} » a été modifié après sa signature par l&apos;émetteur (sa signature ne correspond pas) ; non importé.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was changed after the issuer signed it (the course does not match its licence); not imported.</source>
        <translation>« {0} » a été modifié après sa signature par l&apos;émetteur (le cours ne correspond pas à sa licence) ; non importé.</translation>
    </message>
    <message>
        <source>{0} is not signed by the issuer it names; nothing was changed.</source>
        <translation>{0} n&apos;est pas signé par l&apos;émetteur qu&apos;il nomme ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{0} is not a valid dispatch revocation list; nothing was changed.</source>
        <translation>{0} n&apos;est pas une liste de révocation d&apos;envois valide ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Course {0} ({1}) is not a cmi5 course: only cmi5 AUs can be waived.</source>
        <extracomment>The reasons cmi5 defines for the reason extension of &quot;waived&quot; (cmi5 9.5.4.1 / 9.3.9). The course&apos;s status for the registration afterwards (`registration_status`), e.g. label &quot;completed&quot;.</extracomment>
        <translation>Le cours {0} ({1}) n&apos;est pas un cours cmi5 : seules les AU cmi5 peuvent faire l&apos;objet d&apos;une dispense.</translation>
    </message>
    <message>
        <source>The course has no AU {0}; its AUs are {1}.</source>
        <translation>Le cours n&apos;a pas d&apos;AU {0} ; ses AU sont {1}.</translation>
    </message>
    <message>
        <source>The reason {0} is not one cmi5 defines; use one of: {1}.</source>
        <translation>Le motif {0} ne fait pas partie de ceux que définit cmi5 ; utilisez l&apos;un de ceux-ci : {1}.</translation>
    </message>
    <message>
        <source>Only a learner of the library can be exempted (not the trainer&apos;s preview).</source>
        <translation>Seul un apprenant de la bibliothèque peut être dispensé (pas l&apos;aperçu du formateur).</translation>
    </message>
    <message>
        <source>{0} is already exempted from {1} in this attempt.</source>
        <translation>{0} est déjà dispensé de {1} dans cette tentative.</translation>
    </message>
    <message>
        <source>{0} has already satisfied {1} in this attempt (moveOn {2}), so there is nothing to waive.</source>
        <translation>{0} a déjà validé {1} dans cette tentative (moveOn {2}) : il n&apos;y a donc rien à dispenser.</translation>
    </message>
    <message>
        <source>{0} has meanwhile satisfied or been exempted from {1}.</source>
        <translation>Entre-temps, {0} a validé {1} ou en a été dispensé.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be converted: {1}</source>
        <extracomment>How often (in decoded frames) `cancelled()` is asked and `progress()` is told.</extracomment>
        <translation>« {0} » n&apos;a pas pu être converti : {1}</translation>
    </message>
    <message>
        <source>there is no audio or video in it</source>
        <translation>il ne contient ni son ni vidéo</translation>
    </message>
    <message>
        <source>the media of {0} are being converted by another process</source>
        <extracomment>The most `read_plan` reads: far above any real plan (a few hundred bytes per media file), so never held in memory whole when something else stands in its place. How often progress is written to jobs.json (statuses are written at once). How often progress is sent to the parent. package-relative path of the original &quot;video&quot; or &quot;audio&quot; wall time the conversion took</extracomment>
        <translation>les médias de {0} sont en cours de conversion par un autre processus</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a file of this course.</source>
        <translation>« {0} » n&apos;est pas un fichier de ce cours.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is missing from the course folder.</source>
        <translation>« {0} » est absent du dossier du cours.</translation>
    </message>
    <message>
        <source>the media probe stopped unexpectedly</source>
        <extracomment>Codecs the PyPI QtWebEngine (no proprietary codecs) decodes, as FFmpeg names them. Measured: canPlayType and real playback in QtWebEngine 6.11 offscreen; the MP4 container itself is fine (VP9/AV1/Opus in MP4 play). How long probing the candidates of one package may take in all before it is given up (the import goes on). How often a running probe asks whether the import was cancelled. package-relative, &quot;/&quot;-separated &quot;video&quot; or &quot;audio&quot; seconds, when the container says</extracomment>
        <translation>l&apos;analyse des médias s&apos;est arrêtée de manière inattendue</translation>
    </message>
    <message>
        <source>FFmpeg (PyAV) is not available: {0}</source>
        <translation>FFmpeg (PyAV) n&apos;est pas disponible : {0}</translation>
    </message>
    <message>
        <source>probing the media took longer than {0:.0f} s</source>
        <translation>l&apos;analyse des médias a pris plus de {0:.0f} s</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} et {1} autre(s)</translation>
    </message>
    <message>
        <source>{0} use codecs the player cannot decode ({1}): {2}. They are converted to WebM once, in the background; until then they stay black or silent.</source>
        <translation>Codecs que le lecteur ne sait pas décoder ({1}) pour {0} : {2}. Ils sont convertis une fois pour toutes en WebM, en arrière-plan ; d&apos;ici là, ils restent noirs ou muets.</translation>
    </message>
    <message>
        <source>{0} media file</source>
        <translation>{0} fichier multimédia</translation>
    </message>
    <message>
        <source>{0} media files</source>
        <translation>{0} fichiers multimédias</translation>
    </message>
    <message>
        <source>check course packages: validate them and run every item unattended, with a verdict each</source>
        <translation>vérifier des paquets de cours : les valider et exécuter chaque élément sans surveillance, avec un verdict pour chacun</translation>
    </message>
    <message>
        <source>Validates each package (schemas of its edition, identifiers, files, sequencing) and runs every launchable item in the real player, offscreen, under a throwaway learner (nothing is recorded or synced). Verdicts: ok, works with warnings, broken.</source>
        <translation>Valide chaque paquet (schémas de son édition, identifiants, fichiers, séquencement) et exécute chaque élément lançable dans le vrai lecteur, hors écran, avec un apprenant jetable (rien n&apos;est enregistré ni synchronisé). Verdicts : ok, works with warnings, broken.</translation>
    </message>
    <message>
        <source>a ZIP file, a package folder, or a course of the library (id or exact title)</source>
        <translation>un fichier ZIP, un dossier de paquet ou un cours de la bibliothèque (identifiant ou titre exact)</translation>
    </message>
    <message>
        <source>print the full report as JSON</source>
        <translation>afficher le rapport complet en JSON</translation>
    </message>
    <message>
        <source>also write the report as a self-contained HTML page</source>
        <translation>écrire aussi le rapport sous forme de page HTML autonome</translation>
    </message>
    <message>
        <source>exit 1 for warnings too, not only for broken packages</source>
        <translation>sortir avec 1 aussi pour les avertissements, pas seulement pour les paquets cassés</translation>
    </message>
    <message>
        <source>an item waits for the learner after S seconds without an API call or navigation (default {0:g})</source>
        <translation>un élément attend l&apos;apprenant après S secondes sans appel d&apos;API ni navigation (par défaut {0:g})</translation>
    </message>
    <message>
        <source>items run at once, each in its own offscreen player (default 24; most of a run is waiting)</source>
        <translation>éléments exécutés en même temps, chacun dans son propre lecteur hors écran (par défaut 24 ; une exécution consiste surtout à attendre)</translation>
    </message>
    <message>
        <source>validate the packages only; run no item</source>
        <translation>valider les paquets seulement ; n&apos;exécuter aucun élément</translation>
    </message>
    <message>
        <source>error: &apos;{0}&apos; is neither a package (a ZIP file or a folder) nor a course in the library.</source>
        <translation>erreur : « {0} » n&apos;est ni un paquet (un fichier ZIP ou un dossier) ni un cours de la bibliothèque.</translation>
    </message>
    <message>
        <source>error: --idle must be more than 0 seconds and --jobs at least 1.</source>
        <translation>erreur : --idle doit dépasser 0 seconde et --jobs valoir au moins 1.</translation>
    </message>
    <message>
        <source>error: cannot write {0}: {1}</source>
        <translation>erreur : impossible d&apos;écrire {0} : {1}</translation>
    </message>
    <message>
        <source>list the learners on this computer</source>
        <translation>lister les apprenants de cet ordinateur</translation>
    </message>
    <message>
        <source>add, rename or remove a learner, or set their PIN</source>
        <translation>ajouter, renommer ou supprimer un apprenant, ou définir son code PIN</translation>
    </message>
    <message>
        <source>add a learner</source>
        <translation>ajouter un apprenant</translation>
    </message>
    <message>
        <source>ask for a PIN (read from stdin when not a terminal)</source>
        <translation>demander un code PIN (lu sur stdin hors d&apos;un terminal)</translation>
    </message>
    <message>
        <source>rename a learner (their records and id stay)</source>
        <translation>renommer un apprenant (ses résultats et son identifiant restent)</translation>
    </message>
    <message>
        <source>remove a learner and their records on this computer</source>
        <translation>supprimer un apprenant et ses résultats sur cet ordinateur</translation>
    </message>
    <message>
        <source>confirm: their records here are deleted</source>
        <translation>confirmer : ses résultats sur cet ordinateur sont supprimés</translation>
    </message>
    <message>
        <source>set a learner&apos;s PIN (empty to remove it)</source>
        <translation>définir le code PIN d&apos;un apprenant (vide pour le retirer)</translation>
    </message>
    <message>
        <source>the attempt history of a learner on a course</source>
        <translation>l&apos;historique des tentatives d&apos;un apprenant sur un cours</translation>
    </message>
    <message>
        <source>start a course afresh for a learner (the old attempt is kept in history)</source>
        <translation>recommencer un cours à zéro pour un apprenant (l&apos;ancienne tentative reste dans l&apos;historique)</translation>
    </message>
    <message>
        <source>confirm</source>
        <translation>confirmer</translation>
    </message>
    <message>
        <source>error: there is no learner named &apos;{0}&apos; (see: scorm-desktop learners)</source>
        <translation>erreur : il n&apos;y a pas d&apos;apprenant nommé « {0} » (voir : scorm-desktop learners)</translation>
    </message>
    <message>
        <source>No learners yet. Add one with: scorm-desktop learner add NAME</source>
        <translation>Aucun apprenant pour l&apos;instant. Ajoutez-en un avec : scorm-desktop learner add NOM</translation>
    </message>
    <message>
        <source>{0}  (PIN)</source>
        <translation>{0}  (code PIN)</translation>
    </message>
    <message>
        <source>PIN for the new learner: </source>
        <translation>Code PIN du nouvel apprenant : </translation>
    </message>
    <message>
        <source>removing &apos;{0}&apos; deletes their records on this computer; add --yes to confirm</source>
        <translation>supprimer « {0} » efface ses résultats sur cet ordinateur ; ajoutez --yes pour confirmer</translation>
    </message>
    <message>
        <source>New PIN for {0} (empty: none): </source>
        <translation>Nouveau code PIN pour {0} (vide : aucun) : </translation>
    </message>
    <message>
        <source>Nobody has started &apos;{0}&apos; yet.</source>
        <translation>Personne n&apos;a encore commencé « {0} ».</translation>
    </message>
    <message>
        <source>{0} has not started &apos;{1}&apos;.</source>
        <translation>{0} n&apos;a pas commencé « {1} ».</translation>
    </message>
    <message>
        <source>attempt {0}: {1}, started {2}, last {3}</source>
        <translation>tentative {0} : {1}, commencée le {2}, dernière activité le {3}</translation>
    </message>
    <message>
        <source>attempt {0}: {1}, score {2:.0f}%, started {3}, last {4}</source>
        <translation>tentative {0} : {1}, score {2:.0f} %, commencée le {3}, dernière activité le {4}</translation>
    </message>
    <message>
        <source>this starts &apos;{0}&apos; afresh for {1} (the current attempt stays in the history); add --yes to confirm</source>
        <translation>cela recommence « {0} » à zéro pour {1} (la tentative en cours reste dans l&apos;historique) ; ajoutez --yes pour confirmer</translation>
    </message>
    <message>
        <source>this starts &apos;{0}&apos; afresh (the current attempt stays in the history); add --yes to confirm</source>
        <translation>cela recommence « {0} » à zéro (la tentative en cours reste dans l&apos;historique) ; ajoutez --yes pour confirmer</translation>
    </message>
    <message>
        <source>attempt {0} of &apos;{1}&apos; for {2} starts at the next launch</source>
        <translation>la tentative {0} de « {1} » pour {2} commence au prochain lancement</translation>
    </message>
    <message>
        <source>convert course videos and audio the player cannot decode (H.264, AAC) to WebM</source>
        <translation>convertir en WebM les vidéos et sons des cours que le lecteur ne sait pas décoder (H.264, AAC)</translation>
    </message>
    <message>
        <source>course id (or exact title); default: every course</source>
        <translation>identifiant du cours (ou titre exact) ; par défaut : tous les cours</translation>
    </message>
    <message>
        <source>convert in the foreground and wait until done</source>
        <translation>convertir au premier plan et attendre la fin</translation>
    </message>
    <message>
        <source>also take files whose conversion was cancelled or failed</source>
        <translation>reprendre aussi les fichiers dont la conversion a été annulée ou a échoué</translation>
    </message>
    <message>
        <source>print one JSON object per course</source>
        <translation>afficher un objet JSON par cours</translation>
    </message>
    <message>
        <source>warning: the media of &apos;{0}&apos; could not be checked: {1}</source>
        <translation>avertissement : les médias de « {0} » n&apos;ont pas pu être vérifiés : {1}</translation>
    </message>
    <message>
        <source>note: &apos;{0}&apos; is being converted by another process</source>
        <translation>remarque : « {0} » est en cours de conversion par un autre processus</translation>
    </message>
    <message>
        <source>interrupted: what was converted is kept; run the command again to go on</source>
        <translation>interrompu : ce qui a été converti est conservé ; relancez la commande pour continuer</translation>
    </message>
    <message>
        <source>converting the media of {0} in the background (process {1})</source>
        <translation>conversion des médias de {0} en arrière-plan (processus {1})</translation>
    </message>
    <message>
        <source>{0} course</source>
        <translation>{0} cours</translation>
    </message>
    <message>
        <source>{0} courses</source>
        <translation>{0} cours</translation>
    </message>
    <message>
        <source>pending</source>
        <extracomment>A media file&apos;s conversion state as the listing words it (called when printed, in the learner&apos;s language).</extracomment>
        <translation>en attente</translation>
    </message>
    <message>
        <source>converting</source>
        <translation>conversion</translation>
    </message>
    <message>
        <source>converted</source>
        <translation>converti</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>{0}  {1}: all media play as they are</source>
        <translation>{0}  {1} : tous les médias se lisent tels quels</translation>
    </message>
    <message>
        <source>{0}  {1}: {2} of {3} converted ({4:.0%})</source>
        <translation>{0}  {1} : {2} sur {3} convertis ({4:.0%})</translation>
    </message>
    <message>
        <source>{0}: {1} {2} {3:.0%}</source>
        <translation>{0} : {1} {2} {3:.0%}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of seconds</source>
        <extracomment>The longest time limit a timer can hold (2**31 - 1 ms, about 24 days).</extracomment>
        <translation>« {0} » n&apos;est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of seconds from 0 to {1}</source>
        <translation>« {0} » n&apos;est pas un nombre de secondes de 0 à {1}</translation>
    </message>
    <message>
        <source>play a course (in a window, or headless with --headless)</source>
        <translation>lire un cours (dans une fenêtre, ou sans interface avec --headless)</translation>
    </message>
    <message>
        <source>course id (or exact title)</source>
        <translation>identifiant du cours (ou titre exact)</translation>
    </message>
    <message>
        <source>learner name (created if new)</source>
        <translation>nom de l&apos;apprenant (créé s&apos;il est nouveau)</translation>
    </message>
    <message>
        <source>the item to launch (default: resume point or first)</source>
        <translation>l&apos;élément à lancer (par défaut : point de reprise ou premier élément)</translation>
    </message>
    <message>
        <source>default: review when the SCO&apos;s last attempt ended complete, else normal; normal after an ended attempt starts a new attempt</source>
        <translation>par défaut : review quand la dernière tentative du SCO s&apos;est terminée achevée, sinon normal ; normal après une tentative terminée commence une nouvelle tentative</translation>
    </message>
    <message>
        <source>no window: play offscreen until the content ends</source>
        <translation>sans fenêtre : lire hors écran jusqu&apos;à la fin du contenu</translation>
    </message>
    <message>
        <source>headless time limit</source>
        <translation>limite de temps sans interface</translation>
    </message>
    <message>
        <source>headless: stop (exit 4) when the content waits for a learner this long (0: never)</source>
        <translation>sans interface : s&apos;arrêter (code 4) quand le contenu attend un apprenant aussi longtemps (0 : jamais)</translation>
    </message>
    <message>
        <source>write every API call as a JSON line to FILE</source>
        <translation>écrire chaque appel d&apos;API comme une ligne JSON dans FILE</translation>
    </message>
    <message>
        <source>trainer preview: browse mode, no credit, never synced (clear with clear-preview)</source>
        <translation>aperçu formateur : mode browse, sans crédit, jamais synchronisé (à effacer avec clear-preview)</translation>
    </message>
    <message>
        <source>delete every trainer preview record in one action</source>
        <translation>supprimer en une fois tous les résultats d&apos;aperçu formateur</translation>
    </message>
    <message>
        <source>the API log {0} cannot be written ({1})</source>
        <translation>le journal d&apos;API {0} ne peut pas être écrit ({1})</translation>
    </message>
    <message>
        <source>course {0} ({1}) was removed from the library; import its package again to play it</source>
        <translation>le cours {0} ({1}) a été retiré de la bibliothèque ; importez de nouveau son paquet pour le lire</translation>
    </message>
    <message>
        <source>the files of course {0} ({1}) are missing; import its package again</source>
        <translation>les fichiers du cours {0} ({1}) sont absents ; importez de nouveau son paquet</translation>
    </message>
    <message>
        <source>course {0} ({1}) has no item that can be launched</source>
        <translation>le cours {0} ({1}) n&apos;a aucun élément lançable</translation>
    </message>
    <message>
        <source>course {0} has no item &apos;{1}&apos; to launch (its items: {2})</source>
        <translation>le cours {0} n&apos;a pas d&apos;élément « {1} » à lancer (ses éléments : {2})</translation>
    </message>
    <message>
        <source>cleared {0} preview attempt</source>
        <translation>{0} tentative d&apos;aperçu effacée</translation>
    </message>
    <message>
        <source>cleared {0} preview attempts</source>
        <translation>{0} tentatives d&apos;aperçu effacées</translation>
    </message>
    <message>
        <source>send the learning records (xAPI statements) to the LRS</source>
        <translation>envoyer les résultats d&apos;apprentissage (déclarations xAPI) au LRS</translation>
    </message>
    <message>
        <source>the LRS&apos;s xAPI base URL, the part before &apos;statements&apos;</source>
        <translation>l&apos;URL de base xAPI du LRS, la partie avant « statements »</translation>
    </message>
    <message>
        <source>basic-auth user (password: ${0}, keyring, file)</source>
        <translation>utilisateur basic-auth (mot de passe : ${0}, trousseau, fichier)</translation>
    </message>
    <message>
        <source>only say what would be sent</source>
        <translation>dire seulement ce qui serait envoyé</translation>
    </message>
    <message>
        <source>print the report as one JSON object</source>
        <translation>afficher le rapport comme un seul objet JSON</translation>
    </message>
    <message>
        <source>give up waiting for the LRS after this long in all (default: sync.max_wait, 120); nothing is lost</source>
        <translation>cesser d&apos;attendre le LRS après cette durée au total (par défaut : sync.max_wait, 120) ; rien n&apos;est perdu</translation>
    </message>
    <message>
        <source>queue the statements the LRS refused as invalid again</source>
        <translation>remettre en file d&apos;attente les déclarations que le LRS a refusées comme invalides</translation>
    </message>
    <message>
        <source>read the LRS password from stdin (or a prompt) and keep it in the system keyring (or a private file) for this endpoint and user; --endpoint/--username given with it are saved in the settings; sends nothing</source>
        <translation>lire le mot de passe du LRS sur stdin (ou par une invite) et le garder dans le trousseau du système (ou un fichier privé) pour ce point d&apos;accès et cet utilisateur ; --endpoint/--username donnés avec sont enregistrés dans les paramètres ; n&apos;envoie rien</translation>
    </message>
    <message>
        <source>write the records not yet sent to a signed file (USB)</source>
        <translation>écrire les résultats pas encore envoyés dans un fichier signé (USB)</translation>
    </message>
    <message>
        <source>queue the records of a file from another device for sync</source>
        <translation>mettre en file d&apos;attente de synchronisation les résultats d&apos;un fichier venant d&apos;un autre appareil</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of seconds (0 or more)</source>
        <translation>« {0} » n&apos;est pas un nombre de secondes (0 ou plus)</translation>
    </message>
    <message>
        <source>No LRS endpoint is set: give one with --endpoint or in settings.json (sync.endpoint).</source>
        <translation>Aucun point d&apos;accès LRS n&apos;est défini : indiquez-en un avec --endpoint ou dans settings.json (sync.endpoint).</translation>
    </message>
    <message>
        <source>warning: no password for {0} (set {1} or store one)</source>
        <translation>avertissement : pas de mot de passe pour {0} (définissez {1} ou enregistrez-en un)</translation>
    </message>
    <message>
        <source>error: the password belongs to an endpoint and a user: give --endpoint and --username (or set sync.endpoint and sync.username in settings.json).</source>
        <translation>erreur : le mot de passe appartient à un point d&apos;accès et à un utilisateur : indiquez --endpoint et --username (ou définissez sync.endpoint et sync.username dans settings.json).</translation>
    </message>
    <message>
        <source>LRS password for {0} at {1}: </source>
        <translation>Mot de passe LRS de {0} sur {1} : </translation>
    </message>
    <message>
        <source>error: no password given; nothing was stored.</source>
        <translation>erreur : aucun mot de passe donné ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>le trousseau du système</translation>
    </message>
    <message>
        <source>{0} (readable by you only; no keyring is available)</source>
        <translation>{0} (lisible par vous seul ; aucun trousseau n&apos;est disponible)</translation>
    </message>
    <message>
        <source>stored the password for {0} at {1} in {2}</source>
        <translation>mot de passe de {0} sur {1} enregistré dans {2}</translation>
    </message>
    <message>
        <source>{0} statement</source>
        <translation>{0} déclaration</translation>
    </message>
    <message>
        <source>{0} statements</source>
        <translation>{0} déclarations</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} document</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} documents</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(aucun point d&apos;accès)</translation>
    </message>
    <message>
        <source>would send {0} and {1} to {2}</source>
        <translation>enverrait {0} et {1} à {2}</translation>
    </message>
    <message>
        <source>sent {0} and {1} to {2}</source>
        <translation>envoyé à {2} : {0} et {1}</translation>
    </message>
    <message>
        <source>refused in all: {0}, {1} quarantined</source>
        <translation>refusées au total : {0}, {1} en quarantaine</translation>
    </message>
    <message>
        <source>{0} conflict</source>
        <translation>{0} conflit</translation>
    </message>
    <message>
        <source>{0} conflicts</source>
        <translation>{0} conflits</translation>
    </message>
    <message>
        <source>still pending: {0} (and {1})</source>
        <translation>encore en attente : {0} (et {1})</translation>
    </message>
    <message>
        <source>wrote {0} and {1} to {2} (device {3}, key {4})</source>
        <translation>écrit dans {2} : {0} et {1} (appareil {3}, clé {4})</translation>
    </message>
    <message>
        <source>queued {0} of {1} from device {2} (key {3}, first seen now); {4} already known; {5} of {6} queued</source>
        <translation>en file d&apos;attente : {0} sur {1} de l&apos;appareil {2} (clé {3}, vu pour la première fois) ; {4} déjà connues ; en file d&apos;attente : {5} sur {6}</translation>
    </message>
    <message>
        <source>queued {0} of {1} from device {2} (key {3}); {4} already known; {5} of {6} queued</source>
        <translation>en file d&apos;attente : {0} sur {1} de l&apos;appareil {2} (clé {3}) ; {4} déjà connues ; en file d&apos;attente : {5} sur {6}</translation>
    </message>
    <message>
        <source>stored at the LRS in all: {0}</source>
        <translation>enregistrées sur le LRS au total : {0}</translation>
    </message>
    <message>
        <source>refused ({0}): {1}: {2}</source>
        <translation>refusée ({0}) : {1} : {2}</translation>
    </message>
    <message>
        <source>documents refused in all: {0} quarantined</source>
        <translation>documents refusés au total : {0} en quarantaine</translation>
    </message>
    <message>
        <source>still pending: {0}</source>
        <translation>encore en attente : {0}</translation>
    </message>
    <message>
        <source>error: &apos;{0}&apos; could not be written ({1}).</source>
        <translation>erreur : « {0} » n&apos;a pas pu être écrit ({1}).</translation>
    </message>
    <message>
        <source>error: &apos;{0}&apos; could not be read ({1}).</source>
        <translation>erreur : « {0} » n&apos;a pas pu être lu ({1}).</translation>
    </message>
    <message>
        <source>exempt a learner from an AU of a cmi5 course (records &apos;waived&apos;; the course may be satisfied)</source>
        <translation>dispenser un apprenant d&apos;une AU d&apos;un cours cmi5 (enregistre « waived » ; le cours peut être satisfait)</translation>
    </message>
    <message>
        <source>the course&apos;s id or title</source>
        <translation>l&apos;identifiant ou le titre du cours</translation>
    </message>
    <message>
        <source>the AU&apos;s id (from cmi5.xml) or its title</source>
        <translation>l&apos;identifiant de l&apos;AU (dans cmi5.xml) ou son titre</translation>
    </message>
    <message>
        <source>the learner to exempt</source>
        <translation>l&apos;apprenant à dispenser</translation>
    </message>
    <message>
        <source>why, as cmi5 names it (default: Administrative)</source>
        <translation>pourquoi, comme cmi5 le nomme (par défaut : Administrative)</translation>
    </message>
    <message>
        <source>print the outcome as one JSON object</source>
        <translation>afficher le résultat comme un seul objet JSON</translation>
    </message>
    <message>
        <source>error: there is no learner named &apos;{0}&apos;</source>
        <translation>erreur : il n&apos;y a pas d&apos;apprenant nommé « {0} »</translation>
    </message>
    <message>
        <source>{0} is exempted from &apos;{1}&apos; ({2}); the course is now {3}.</source>
        <translation>{0} est dispensé(e) de « {1} » ({2}) ; le cours est maintenant {3}.</translation>
    </message>
    <message>
        <source>LEARNER</source>
        <translation>APPRENANT</translation>
    </message>
    <message>
        <source>COURSE</source>
        <translation>COURS</translation>
    </message>
    <message>
        <source>ATTEMPT</source>
        <translation>TENTATIVE</translation>
    </message>
    <message>
        <source>SCO</source>
        <translation>SCO</translation>
    </message>
    <message>
        <source>SCORE</source>
        <translation>SCORE</translation>
    </message>
    <message>
        <source>PROGRESS</source>
        <translation>PROGRESSION</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TEMPS</translation>
    </message>
    <message>
        <source>LAST ACTIVITY</source>
        <translation>DERNIÈRE ACTIVITÉ</translation>
    </message>
    <message>
        <source>{0} ({1}, {2} KiB)</source>
        <extracomment>Daily copies kept; copies taken before a schema upgrade are always kept.</extracomment>
        <translation>{0} ({1}, {2} Kio)</translation>
    </message>
    <message>
        <source>daily</source>
        <extracomment>A database a restore replaced, kept beside the backups folder: `library.sqlite3.replaced-&lt;UTC time&gt;[-n]`.</extracomment>
        <translation>quotidienne</translation>
    </message>
    <message>
        <source>replaced by a restore</source>
        <translation>remplacée par une restauration</translation>
    </message>
    <message>
        <source>before schema {0}</source>
        <translation>avant le schéma {0}</translation>
    </message>
    <message>
        <source>The backup {0} is damaged and cannot be restored.</source>
        <translation>La sauvegarde {0} est endommagée et ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>The library database was damaged, so the backup from {0} was restored. Anything recorded after that backup is not in the library; the damaged file was kept as {1} in {2}.</source>
        <extracomment>Left in the data folder when the database was replaced at start: `Library.tidy` then re-attaches the course folders the restored (or new) database does not know, and removes the marker.</extracomment>
        <translation>La base de données de la bibliothèque était endommagée : la sauvegarde du {0} a été restaurée. Ce qui a été enregistré après cette sauvegarde n&apos;est pas dans la bibliothèque ; le fichier endommagé a été conservé sous le nom {1} dans {2}.</translation>
    </message>
    <message>
        <source>The library database was damaged and no usable backup was found, so a new, empty library was started. The damaged file was kept as {0} in {1}.</source>
        <translation>La base de données de la bibliothèque était endommagée et aucune sauvegarde utilisable n&apos;a été trouvée : une nouvelle bibliothèque vide a été créée. Le fichier endommagé a été conservé sous le nom {0} dans {1}.</translation>
    </message>
    <message>
        <source>The empty file was kept as {0} in {1}.</source>
        <translation>Le fichier vide a été conservé sous le nom {0} dans {1}.</translation>
    </message>
    <message>
        <source>The library database was missing, so the backup from {0} was restored. Anything recorded after that backup is not in the library; courses imported since are put back in it.</source>
        <translation>La base de données de la bibliothèque avait disparu : la sauvegarde du {0} a été restaurée. Ce qui a été enregistré après cette sauvegarde n&apos;est pas dans la bibliothèque ; les cours importés depuis y sont remis.</translation>
    </message>
    <message>
        <source>The library database was empty, so the backup from {0} was restored. Anything recorded after that backup is not in the library; courses imported since are put back in it.</source>
        <translation>La base de données de la bibliothèque était vide : la sauvegarde du {0} a été restaurée. Ce qui a été enregistré après cette sauvegarde n&apos;est pas dans la bibliothèque ; les cours importés depuis y sont remis.</translation>
    </message>
    <message>
        <source>The library database was missing and no usable backup was found, so a new library was started.</source>
        <translation>La base de données de la bibliothèque avait disparu et aucune sauvegarde utilisable n&apos;a été trouvée : une nouvelle bibliothèque a été créée.</translation>
    </message>
    <message>
        <source>The library database was empty and no usable backup was found, so a new library was started.</source>
        <translation>La base de données de la bibliothèque était vide et aucune sauvegarde utilisable n&apos;a été trouvée : une nouvelle bibliothèque a été créée.</translation>
    </message>
    <message>
        <source>The course found in the data folder is put back in it, without its learners&apos; records.</source>
        <translation>Le cours trouvé dans le dossier de données y est remis, sans les résultats de ses apprenants.</translation>
    </message>
    <message>
        <source>The {0} courses found in the data folder are put back in it, without their learners&apos; records.</source>
        <translation>Les {0} cours trouvés dans le dossier de données y sont remis, sans les résultats de leurs apprenants.</translation>
    </message>
    <message>
        <source>A backup waits to be restored, but SCORM Desktop is using this data folder now (process {0}); nothing was changed. It is restored at the next start with no other process using it.</source>
        <translation>Une sauvegarde attend d&apos;être restaurée, mais SCORM Desktop utilise ce dossier de données en ce moment (processus {0}) ; rien n&apos;a été modifié. Elle sera restaurée au prochain démarrage où aucun autre processus ne l&apos;utilise.</translation>
    </message>
    <message>
        <source>A request to restore a backup could not be read and was ignored.</source>
        <translation>Une demande de restauration d&apos;une sauvegarde n&apos;a pas pu être lue et a été ignorée.</translation>
    </message>
    <message>
        <source>The backup {0} chosen for restoring no longer exists; nothing was changed.</source>
        <translation>La sauvegarde {0} choisie pour la restauration n&apos;existe plus ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The library as it was before is kept as {0}.</source>
        <translation>La bibliothèque telle qu&apos;elle était avant est conservée sous le nom {0}.</translation>
    </message>
    <message>
        <source>The library was restored from the backup of {0}.</source>
        <translation>La bibliothèque a été restaurée à partir de la sauvegarde du {0}.</translation>
    </message>
    <message>
        <source>Read from the LRS on {0} · SCORM Desktop</source>
        <translation>Lu depuis le LRS le {0} · SCORM Desktop</translation>
    </message>
    <message>
        <source>device</source>
        <translation>appareil</translation>
    </message>
    <message>
        <source>launches</source>
        <translation>lancements</translation>
    </message>
    <message>
        <source>learners</source>
        <translation>apprenants</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminés</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussis</translation>
    </message>
    <message>
        <source>average score</source>
        <translation>score moyen</translation>
    </message>
    <message>
        <source>last launch</source>
        <translation>dernier lancement</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquants</translation>
    </message>
    <message>
        <source>Dispatch {0} (revoked)</source>
        <translation>Envoi {0} (révoqué)</translation>
    </message>
    <message>
        <source>Dispatch {0}</source>
        <translation>Envoi {0}</translation>
    </message>
    <message>
        <source>all devices</source>
        <translation>tous les appareils</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{0} (device number {1} and {2} more before it)</source>
        <translation>{0} (numéro d&apos;appareil {1}, et {2} de plus avant lui)</translation>
    </message>
    <message>
        <source>{0} (device number {1})</source>
        <translation>{0} (numéro d&apos;appareil {1})</translation>
    </message>
    <message>
        <source>{0} (device numbers {1} and {2} more before them)</source>
        <translation>{0} (numéros d&apos;appareil {1}, et {2} de plus avant eux)</translation>
    </message>
    <message>
        <source>{0} (device numbers {1})</source>
        <translation>{0} (numéros d&apos;appareil {1})</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>Verdicts, best first. An item&apos;s verdict when only the package was checked (`check --static`) and the item has no finding of its own. Finding levels: an error breaks the item or package, a warning is worth fixing, a note is for information.</extracomment>
        <translation>correct</translation>
    </message>
    <message>
        <source>works with warnings</source>
        <translation>fonctionne avec des avertissements</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>défaillant</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>non exécuté</translation>
    </message>
    <message>
        <source>It needs the internet ({0}); offline: {1}</source>
        <extracomment>A short stable kind, e.g. &quot;schema&quot;, &quot;missing-file&quot;, &quot;case-mismatch&quot;, &quot;api-error&quot;, &quot;internet&quot;, &quot;waits&quot;. One sentence for a person. Extra data for machines (a path, an element and error code, a URL...). &quot;sco&quot; or &quot;asset&quot;. What the unattended run observed (see runtime.RunObservation.to_dict), or None when it was not run.</extracomment>
        <translation>Il a besoin d&apos;Internet ({0}) ; hors ligne : {1}</translation>
    </message>
    <message>
        <source>Not run: only the package was checked.</source>
        <translation>Non exécuté : seul le paquet a été vérifié.</translation>
    </message>
    <message>
        <source>The asset loads without errors.</source>
        <translation>La ressource se charge sans erreur.</translation>
    </message>
    <message>
        <source>Initialized and waits for the learner after {0} API calls.</source>
        <translation>Initialisé ; attend l&apos;apprenant après {0} appels à l&apos;API.</translation>
    </message>
    <message>
        <source>Found the API, initialized, set a status and terminated without errors.</source>
        <translation>A trouvé l&apos;API, s&apos;est initialisé, a fixé un statut et s&apos;est terminé sans erreur.</translation>
    </message>
    <message>
        <source>Item “{0}”: {1} ({2})</source>
        <translation>Élément « {0} » : {1} ({2})</translation>
    </message>
    <message>
        <source>{0} more item broken</source>
        <translation>{0} autre élément défaillant</translation>
    </message>
    <message>
        <source>{0} more items broken</source>
        <translation>{0} autres éléments défaillants</translation>
    </message>
    <message>
        <source>The manifest is valid and its item ran without errors.</source>
        <translation>Le manifeste est valide et son élément a fonctionné sans erreur.</translation>
    </message>
    <message>
        <source>The manifest is valid and all {0} items ran without errors.</source>
        <translation>Le manifeste est valide et ses {0} éléments ont tous fonctionné sans erreur.</translation>
    </message>
    <message>
        <source>The manifest is valid; {0} of its {1} items ran, without errors.</source>
        <translation>Le manifeste est valide ; {0} de ses {1} éléments ont été exécutés, sans erreur.</translation>
    </message>
    <message>
        <source>{0} (and {1})</source>
        <translation>{0} (et {1})</translation>
    </message>
    <message>
        <source>{0} more error</source>
        <translation>{0} autre erreur</translation>
    </message>
    <message>
        <source>{0} more errors</source>
        <translation>{0} autres erreurs</translation>
    </message>
    <message>
        <source>{0} more warning</source>
        <translation>{0} autre avertissement</translation>
    </message>
    <message>
        <source>{0} more warnings</source>
        <translation>{0} autres avertissements</translation>
    </message>
    <message>
        <source>“{0}” ({1}), {2}, checked in {3} s</source>
        <translation>« {0} » ({1}), {2}, vérifié en {3} s</translation>
    </message>
    <message>
        <source>{0} item</source>
        <translation>{0} élément</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>{0} éléments</translation>
    </message>
    <message>
        <source>Item “{0}”: {1}</source>
        <translation>Élément « {0} » : {1}</translation>
    </message>
    <message>
        <source>The manifest is valid.</source>
        <translation>Le manifeste est valide.</translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation>avertissement : {0}</translation>
    </message>
    <message>
        <source>{0}: {1} — {2}</source>
        <translation>{0} : {1} — {2}</translation>
    </message>
    <message>
        <source>item {0} “{1}” ({2}): {3} — {4}</source>
        <translation>élément {0} « {1} » ({2}) : {3} — {4}</translation>
    </message>
    <message>
        <source>The manifest defines no organization (no table of contents): most LMSs refuse it; SCORM Desktop builds one from its resources.</source>
        <extracomment>The parsed manifest, or None when the package cannot be read at all. The package can be imported and its items run.</extracomment>
        <translation>Le manifeste ne définit aucune organisation (pas de sommaire) : la plupart des LMS le refusent ; SCORM Desktop en construit une à partir de ses ressources.</translation>
    </message>
    <message>
        <source>The manifest uses xml:base to locate resources.</source>
        <translation>Le manifeste utilise xml:base pour situer les ressources.</translation>
    </message>
    <message>
        <source>The manifest contains sub-manifests, which few LMSs support.</source>
        <translation>Le manifeste contient des sous-manifestes, que peu de LMS prennent en charge.</translation>
    </message>
    <message>
        <source>Some items pass launch parameters (the item&apos;s parameters attribute).</source>
        <translation>Certains éléments transmettent des paramètres de lancement (l&apos;attribut parameters de l&apos;élément).</translation>
    </message>
    <message>
        <source>Some items have SCORM 1.2 prerequisites: they open once others are done.</source>
        <translation>Certains éléments ont des prérequis SCORM 1.2 : ils s&apos;ouvrent une fois d&apos;autres terminés.</translation>
    </message>
    <message>
        <source>Some items have a time limit action.</source>
        <translation>Certains éléments ont une action en cas de limite de temps.</translation>
    </message>
    <message>
        <source>Some items give launch data to their SCO (dataFromLMS).</source>
        <translation>Certains éléments donnent des données de lancement à leur SCO (dataFromLMS).</translation>
    </message>
    <message>
        <source>Some items are invisible in the table of contents (isvisible=&quot;false&quot;).</source>
        <translation>Certains éléments sont invisibles dans le sommaire (isvisible=&quot;false&quot;).</translation>
    </message>
    <message>
        <source>The course randomizes the order or selection of some activities.</source>
        <translation>Le cours tire au hasard l&apos;ordre ou le choix de certaines activités.</translation>
    </message>
    <message>
        <source>Global objectives are kept per course attempt (objectivesGlobalToSystem=&quot;false&quot;).</source>
        <translation>Les objectifs globaux sont conservés par tentative du cours (objectivesGlobalToSystem=&quot;false&quot;).</translation>
    </message>
    <message>
        <source>It terminated without setting a completion or success status.</source>
        <extracomment>Elements whose setting is a status (SCORM 1.2 and 2004). How many findings of one kind an item lists one by one. &quot;terminated&quot;, &quot;waits&quot;, &quot;no-api&quot;, &quot;busy&quot; (still calling at the time limit), &quot;failed&quot;, or &quot;not run&quot;.</extracomment>
        <translation>Il s&apos;est terminé sans fixer de statut d&apos;achèvement ni de réussite.</translation>
    </message>
    <message>
        <source>The content waits for a learner after {0}: no call and no navigation for {1} s.</source>
        <extracomment>Seconds without an API call or a navigation after which content is taken to wait for a learner.</extracomment>
        <translation>Le contenu attend un apprenant après {0} : aucun appel ni aucune navigation depuis {1} s.</translation>
    </message>
    <message>
        <source>{0} API call</source>
        <translation>{0} appel d&apos;API</translation>
    </message>
    <message>
        <source>{0} API calls</source>
        <translation>{0} appels d&apos;API</translation>
    </message>
    <message>
        <source>{0} course session was still open when SCORM Desktop last stopped; what the learner did was kept and they resume where they left off.</source>
        <extracomment>Sentences for the user about what happened while opening (a damaged database restored, ...).</extracomment>
        <translation>{0} session de cours était encore ouverte au dernier arrêt de SCORM Desktop ; ce que l&apos;apprenant a fait est conservé et il reprendra là où il s&apos;était arrêté.</translation>
    </message>
    <message>
        <source>{0} course sessions were still open when SCORM Desktop last stopped; what the learners did was kept and they resume where they left off.</source>
        <translation>{0} sessions de cours étaient encore ouvertes au dernier arrêt de SCORM Desktop ; ce que les apprenants ont fait est conservé et ils reprendront là où ils s&apos;étaient arrêtés.</translation>
    </message>
</context>
<context>
    <name>ApiLogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>ApiLogPanel</name>
    <message>
        <source>SCORM API log</source>
        <translation>Journal de l&apos;API SCORM</translation>
    </message>
    <message>
        <source>SCORM API calls</source>
        <translation>Appels à l&apos;API SCORM</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check a course — {0}</source>
        <translation>Vérifier un cours — {0}</translation>
    </message>
    <message>
        <source>Checking {0}: validating the package, then running every item…</source>
        <translation>Vérification de {0} : validation du paquet, puis exécution de chaque élément…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>{0}: {1} — {2}</source>
        <translation>{0} : {1} — {2}</translation>
    </message>
    <message>
        <source>The check could not run: {0}</source>
        <translation>La vérification n&apos;a pas pu s&apos;exécuter : {0}</translation>
    </message>
    <message>
        <source>Save the check report</source>
        <translation>Enregistrer le rapport de vérification</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>Report saved to {0}.</source>
        <translation>Rapport enregistré dans {0}.</translation>
    </message>
    <message>
        <source>The report could not be saved: {0}</source>
        <translation>Le rapport n&apos;a pas pu être enregistré : {0}</translation>
    </message>
    <message>
        <source>Check a course package</source>
        <translation>Vérifier un paquet de cours</translation>
    </message>
</context>
<context>
    <name>CheckRunner</name>
    <message numerus="yes">
        <source>{0}: running %n item(s)…</source>
        <extracomment>An asset has nothing to wait for: it is done once nothing has loaded for this long (or `idle`, when shorter). Schemes that leave the package for a network. Requests the app&apos;s rules blocked besides the internet (file:, other schemes, other courses): url → why. The longest one item may run while it keeps calling the API. Set by `close()`: a running import stops at its next step (it may take minutes on a large package).</extracomment>
        <translation>
            <numerusform>{0} : exécution de %n élément…</numerusform>
            <numerusform>{0} : exécution de %n éléments…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseDetailsDialog</name>
    <message>
        <source>Course details</source>
        <translation>Détails du cours</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Standard:</source>
        <translation>Norme :</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Éléments :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importé le :</translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation>Fichier source :</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avertissements :</translation>
    </message>
    <message>
        <source>opens it for review (nothing changes)</source>
        <translation>l&apos;ouvre en consultation (rien ne change)</translation>
    </message>
    <message>
        <source>starts a new attempt (the old one stays in history)</source>
        <translation>démarre une nouvelle tentative (l&apos;ancienne reste dans l&apos;historique)</translation>
    </message>
    <message>
        <source>What opening this course does once it is completed</source>
        <translation>Ce que fait l&apos;ouverture de ce cours une fois qu&apos;il est terminé</translation>
    </message>
    <message>
        <source>Once completed, a launch:</source>
        <translation>Une fois le cours terminé, l&apos;ouvrir :</translation>
    </message>
    <message>
        <source>Allow internet access</source>
        <translation>Autoriser l&apos;accès à Internet</translation>
    </message>
    <message>
        <source>Off (recommended): the course&apos;s pages cannot reach any web address; everything they need is in the package. On: they may load pages, videos and data from the internet, and send data there.</source>
        <translation>Désactivé (recommandé) : les pages du cours ne peuvent joindre aucune adresse web ; tout ce dont elles ont besoin est dans le paquet. Activé : elles peuvent charger des pages, des vidéos et des données depuis Internet, et y envoyer des données.</translation>
    </message>
    <message>
        <source>Internet:</source>
        <translation>Internet :</translation>
    </message>
    <message>
        <source>Links to web sites always open in your browser, after you confirm the address.</source>
        <translation>Les liens vers des sites web s&apos;ouvrent toujours dans votre navigateur, après confirmation de l&apos;adresse.</translation>
    </message>
    <message>
        <source>1 item, a SCO</source>
        <translation>1 élément, un SCO</translation>
    </message>
    <message>
        <source>1 item, an asset</source>
        <translation>1 élément, une ressource</translation>
    </message>
    <message>
        <source>{0} items, all SCOs</source>
        <translation>{0} éléments, tous des SCO</translation>
    </message>
    <message>
        <source>{0} items, all assets</source>
        <translation>{0} éléments, tous des ressources</translation>
    </message>
    <message>
        <source>1 SCO</source>
        <translation>1 SCO</translation>
    </message>
    <message>
        <source>{0} SCOs</source>
        <translation>{0} SCO</translation>
    </message>
    <message>
        <source>1 asset</source>
        <translation>1 ressource</translation>
    </message>
    <message>
        <source>{0} assets</source>
        <translation>{0} ressources</translation>
    </message>
    <message>
        <source>{0} items: {1}</source>
        <translation>{0} éléments : {1}</translation>
    </message>
</context>
<context>
    <name>CourseTab</name>
    <message>
        <source>Search courses (Ctrl+L)</source>
        <translation>Rechercher des cours (Ctrl+L)</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Rechercher des cours</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Choose the course whose learners the table lists</source>
        <translation>Choisissez le cours dont le tableau liste les apprenants</translation>
    </message>
    <message>
        <source>Choose a course</source>
        <translation>Choisissez un cours</translation>
    </message>
    <message>
        <source>learners</source>
        <translation>apprenants</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminés</translation>
    </message>
    <message>
        <source>average progress</source>
        <translation>progression moyenne</translation>
    </message>
    <message>
        <source>average score</source>
        <translation>score moyen</translation>
    </message>
    <message>
        <source>total time</source>
        <translation>temps total</translation>
    </message>
    <message>
        <source>started</source>
        <translation>commencé</translation>
    </message>
    <message>
        <source>Learners by status</source>
        <translation>Apprenants par statut</translation>
    </message>
    <message>
        <source>Learners by status (chart)</source>
        <translation>Apprenants par statut (graphique)</translation>
    </message>
    <message>
        <source>Filter learners by name (Ctrl+F)</source>
        <translation>Filtrer les apprenants par nom (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter learners by name</source>
        <translation>Filtrer les apprenants par nom</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Learners of the course</source>
        <translation>Apprenants du cours</translation>
    </message>
    <message numerus="yes">
        <source>{0:,} of %Ln course(s)</source>
        <translation>
            <numerusform>{0:,} sur %Ln cours</numerusform>
            <numerusform>{0:,} sur %Ln cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln course(s)</source>
        <translation>
            <numerusform>%Ln cours</numerusform>
            <numerusform>%Ln cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learner(s)</source>
        <translation>
            <numerusform>apprenant</numerusform>
            <numerusform>apprenants</numerusform>
        </translation>
    </message>
    <message>
        <source>No learners yet</source>
        <translation>Aucun apprenant pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Status</source>
        <extracomment>Emitted after a query&apos;s first page is in the model (and after each further page). Emitted when a query failed (the message is for the status line). The progress as a fraction 0..1 (or None), for the progress bar delegate. (header, sort key) per column; the first column is the course or the learner.</extracomment>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Resume point</source>
        <translation>Point de reprise</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Attempt {0}; completion: {1}; success: {2}</source>
        <translation>Tentative {0} ; achèvement : {1} ; réussite : {2}</translation>
    </message>
    <message>
        <source>Resumes at: {0}</source>
        <translation>Reprend à : {0}</translation>
    </message>
    <message>
        <source>not started</source>
        <extracomment>Words the app shows that come from data (status labels, stored values): marked here so lupdate extracts them; the code shows them with QCoreApplication.translate(context, word).</extracomment>
        <translation>non commencé</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplet</translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation>non tenté</translation>
    </message>
    <message>
        <source>browsed</source>
        <translation>parcouru</translation>
    </message>
    <message>
        <source>Each row has one status only: a passed or failed course is not counted again as completed. Finished counts every row whose content reported it complete, whatever its result (the completion rate).</source>
        <extracomment>What &quot;finished&quot; means beside the statuses, which are exclusive (a summary&apos;s and the course figures&apos; tooltip).</extracomment>
        <translation>Chaque ligne n&apos;a qu&apos;un seul statut : un cours réussi ou échoué n&apos;est pas compté une deuxième fois comme terminé. « Terminés » compte chaque ligne dont le contenu s&apos;est déclaré achevé, quel que soit son résultat (le taux d&apos;achèvement).</translation>
    </message>
    <message>
        <source>All statuses</source>
        <extracomment>Wait this long after the last key in a filter field before querying again.</extracomment>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Not finished (not started, in progress)</source>
        <translation>Non terminés (non commencés, en cours)</translation>
    </message>
    <message>
        <source>Finished (completed, passed, failed)</source>
        <translation>Terminés (terminés, réussis, échoués)</translation>
    </message>
    <message>
        <source>Show only this status</source>
        <translation>N&apos;afficher que ce statut</translation>
    </message>
    <message>
        <source>The table lists only rows with this status</source>
        <translation>Le tableau n&apos;affiche que les lignes ayant ce statut</translation>
    </message>
    <message>
        <source>One row each, with its status in words; Ctrl+Enter resumes the selected course</source>
        <translation>Une ligne chacun, avec son statut en toutes lettres ; Ctrl+Entrée reprend le cours sélectionné</translation>
    </message>
    <message>
        <source> shown</source>
        <translation> affichés</translation>
    </message>
    <message>
        <source>by status: {0}</source>
        <translation>par statut : {0}</translation>
    </message>
    <message>
        <source>finished &lt;b&gt;{0:,}&lt;/b&gt; ({1})</source>
        <translation>terminés &lt;b&gt;{0:,}&lt;/b&gt; ({1})</translation>
    </message>
    <message>
        <source>average progress &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>progression moyenne &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>average score &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>score moyen &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>time &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>temps &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>By &amp;learner</source>
        <extracomment>The user asked to play (resume) this course for the active learner. A line for the owner&apos;s status bar.</extracomment>
        <translation>Par &amp;apprenant</translation>
    </message>
    <message>
        <source>By &amp;course</source>
        <translation>Par &amp;cours</translation>
    </message>
    <message>
        <source>Every course of one learner (Ctrl+Tab: by course)</source>
        <translation>Tous les cours d&apos;un apprenant (Ctrl+Tab : par cours)</translation>
    </message>
    <message>
        <source>Every learner of one course (Ctrl+Tab: by learner)</source>
        <translation>Tous les apprenants d&apos;un cours (Ctrl+Tab : par apprenant)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;ser</translation>
    </message>
    <message>
        <source>Resume the selected course</source>
        <translation>Reprendre le cours sélectionné</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>Exporter le tableau en CSV</translation>
    </message>
    <message>
        <source>Export a printable PDF</source>
        <translation>Exporter un PDF imprimable</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation>Filtrer le tableau</translation>
    </message>
    <message>
        <source>Choose the learner or course</source>
        <translation>Choisissez l&apos;apprenant ou le cours</translation>
    </message>
    <message>
        <source>By learner</source>
        <translation>Par apprenant</translation>
    </message>
    <message>
        <source>By course</source>
        <translation>Par cours</translation>
    </message>
    <message>
        <source>Save the table shown, with its filter and order, as CSV (Ctrl+E)</source>
        <translation>Enregistrer le tableau affiché, avec son filtre et son tri, en CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save a printable PDF report of this learner or course (Ctrl+P)</source>
        <translation>Enregistrer un rapport PDF imprimable de cet apprenant ou de ce cours (Ctrl+P)</translation>
    </message>
    <message>
        <source>Read the records again (F5)</source>
        <translation>Relire les résultats (F5)</translation>
    </message>
    <message>
        <source>Play the selected course for the active learner (Ctrl+Enter, or double-click the row)</source>
        <translation>Lancer le cours sélectionné pour l&apos;apprenant actif (Ctrl+Entrée, ou double-clic sur la ligne)</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Actualisé.</translation>
    </message>
    <message>
        <source>Could not read the records: {0}</source>
        <translation>Impossible de lire les résultats : {0}</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Courses play for the active learner ({0}); {1} is not active.</source>
        <translation>Les cours sont lancés pour l&apos;apprenant actif ({0}) ; {1} n&apos;est pas actif.</translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation> (faites défiler pour voir la suite)</translation>
    </message>
    <message numerus="yes">
        <source>{0:,} of %Ln row(s) loaded{1}</source>
        <translation>
            <numerusform>{0:,} ligne sur %Ln chargée{1}</numerusform>
            <numerusform>{0:,} lignes sur %Ln chargées{1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln row(s) to {0}.</source>
        <translation>
            <numerusform>%Ln ligne enregistrée dans {0}.</numerusform>
            <numerusform>%Ln lignes enregistrées dans {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a learner or a course first.</source>
        <translation>Choisissez d&apos;abord un apprenant ou un cours.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}</source>
        <translation>Impossible d&apos;écrire {0} : {1}</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard – SCORM Desktop</source>
        <translation>Tableau de bord – SCORM Desktop</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch “{0}”</source>
        <translation>Envoyer «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Site or organisation</source>
        <translation>Site ou organisation</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Expires at the end of</source>
        <translation>Expire à la fin du</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Destinataire&#xa0;:</translation>
    </message>
    <message>
        <source>Maximum &amp;launches:</source>
        <translation>Nombre maximal de &amp;lancements&#xa0;:</translation>
    </message>
    <message>
        <source>Maximum l&amp;earners:</source>
        <translation>Nombre maximal d&apos;a&amp;pprenants&#xa0;:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Expiration&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Save the dispatch file</source>
        <translation>Enregistrer le fichier d&apos;envoi</translation>
    </message>
    <message>
        <source>Dispatch files (*{0})</source>
        <translation>Fichiers d&apos;envoi (*{0})</translation>
    </message>
    <message>
        <source>Name the site or organisation the course is for.</source>
        <translation>Indiquez le site ou l&apos;organisation à qui le cours est destiné.</translation>
    </message>
    <message>
        <source>Choose where to save the dispatch file.</source>
        <translation>Choisissez où enregistrer le fichier d&apos;envoi.</translation>
    </message>
</context>
<context>
    <name>DispatchWindow</name>
    <message>
        <source>Dispatches</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>Issued dispatches</source>
        <translation>Envois effectués</translation>
    </message>
    <message>
        <source>&amp;New dispatch…</source>
        <translation>&amp;Nouvel envoi…</translation>
    </message>
    <message>
        <source>Dispatch the course selected in the library</source>
        <translation>Envoyer le cours sélectionné dans la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Read the report from the LRS</source>
        <translation>&amp;Lire le rapport depuis le LRS</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Ré&amp;voquer…</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>sans limites</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>Reading the statements from the LRS…</source>
        <translation>Lecture des déclarations depuis le LRS…</translation>
    </message>
    <message numerus="yes">
        <source>Report read: %n missing record(s).</source>
        <translation>
            <numerusform>Rapport lu : %n résultat manquant.</numerusform>
            <numerusform>Rapport lu : %n résultats manquants.</numerusform>
        </translation>
    </message>
    <message>
        <source>The revocation list was published on the LRS.</source>
        <translation>La liste de révocation a été publiée sur le LRS.</translation>
    </message>
    <message>
        <source>Select a course in the library first, then choose New dispatch.</source>
        <translation>Sélectionnez d’abord un cours dans la bibliothèque, puis choisissez Nouvel envoi.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Revoke the dispatch of “{0}” for {1}? Devices stop launching it at their next sync (or when they import the revocation file); their results are kept.</source>
        <translation>Révoquer l&apos;envoi de «&#xa0;{0}&#xa0;» pour {1}&#xa0;? Les appareils cesseront de le lancer à leur prochaine synchronisation (ou quand ils importeront le fichier de révocation)&#xa0;; leurs résultats sont conservés.</translation>
    </message>
    <message>
        <source>Revoked here; no LRS is set, so give the sites the revocation file (scorm-desktop dispatch revocations --out FILE).</source>
        <translation>Révoqué ici&#xa0;; aucun LRS n&apos;est configuré, donnez donc aux sites le fichier de révocation (scorm-desktop dispatch revocations --out FICHIER).</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>error: the item &apos;{0}&apos; cannot be opened now; nothing was played</source>
        <extracomment>The content waits for a learner (no API call and no navigation for the idle period; see ui/idle_stop.py). Ctrl+C and SIGTERM: the shell&apos;s convention, 128 + the signal&apos;s number. After an interrupt, the longest wait for the player&apos;s own close before leaving anyway (the session is then ended from what the worker stored, below). A signal to the whole process group also stops Chromium&apos;s helpers, and a page that is gone never answers the close&apos;s drain: waiting longer would only delay the exit.</extracomment>
        <translation>erreur : l&apos;élément « {0} » ne peut pas être ouvert maintenant ; rien n&apos;a été lu</translation>
    </message>
    <message>
        <source>error: {0}</source>
        <translation>erreur : {0}</translation>
    </message>
    <message>
        <source>error: the content did not finish within {0} s; its values so far are kept</source>
        <translation>erreur : le contenu ne s&apos;est pas terminé en {0} s ; ses valeurs obtenues jusque-là sont conservées</translation>
    </message>
    <message>
        <source>navigation: {0}</source>
        <translation>navigation : {0}</translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation>avertissement : {0}</translation>
    </message>
    <message>
        <source>stopped: {0} Its values so far are kept.</source>
        <translation>arrêté : {0} Ses valeurs obtenues jusque-là sont conservées.</translation>
    </message>
    <message>
        <source>error: some values could not be saved ({0}); the session is left open and is recovered at the next start</source>
        <translation>erreur : certaines valeurs n&apos;ont pas pu être enregistrées ({0}) ; la session reste ouverte et sera récupérée au prochain démarrage</translation>
    </message>
    <message>
        <source>interrupted: saving and ending the session</source>
        <translation>interrompu : enregistrement et fin de la session</translation>
    </message>
    <message>
        <source>alert: {0}</source>
        <translation>alerte : {0}</translation>
    </message>
    <message>
        <source>error: the content did not finish within {0} s; what it sent is kept</source>
        <translation>erreur : le contenu ne s&apos;est pas terminé en {0} s ; ce qu&apos;il a envoyé est conservé</translation>
    </message>
</context>
<context>
    <name>LearnerMenu</name>
    <message>
        <source>&amp;Learner</source>
        <translation>&amp;Apprenant</translation>
    </message>
    <message>
        <source>&amp;Switch learner…</source>
        <translation>&amp;Changer d&apos;apprenant…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Set &amp;PIN…</source>
        <translation>Définir un code &amp;PIN…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Pre&amp;view mode (trainer)</source>
        <translation>Mode &amp;aperçu (formateur)</translation>
    </message>
    <message>
        <source>Launches run in browse mode, are not recorded and never synced</source>
        <translation>Les lancements se font en mode navigation, ne sont pas enregistrés et jamais synchronisés</translation>
    </message>
    <message>
        <source>&amp;Clear preview records</source>
        <translation>&amp;Effacer les résultats d&apos;aperçu</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>Changer d&apos;apprenant</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ce code PIN n&apos;est pas le bon.</translation>
    </message>
    <message>
        <source>Now learning: {0}</source>
        <translation>Apprenant actuel : {0}</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>There is no learner yet.</source>
        <translation>Il n&apos;y a encore aucun apprenant.</translation>
    </message>
    <message>
        <source>Rename learner</source>
        <translation>Renommer l&apos;apprenant</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source>PIN saved.</source>
        <translation>Code PIN enregistré.</translation>
    </message>
    <message>
        <source>Remove learner</source>
        <translation>Supprimer l&apos;apprenant</translation>
    </message>
    <message>
        <source>Remove {0} and their records on this computer?

Results already waiting to be synced are still sent; nothing else can be recovered.</source>
        <translation>Supprimer {0} et ses résultats sur cet ordinateur ?

Les résultats déjà en attente de synchronisation seront tout de même envoyés ; rien d&apos;autre ne pourra être récupéré.</translation>
    </message>
    <message>
        <source> — PREVIEW MODE</source>
        <translation> — MODE APERÇU</translation>
    </message>
    <message>
        <source>Preview mode: launches run in browse mode and are not recorded.</source>
        <translation>Mode aperçu : les lancements se font en mode navigation et ne sont pas enregistrés.</translation>
    </message>
    <message>
        <source>Preview mode is off: launches are recorded for the learner.</source>
        <translation>Mode aperçu désactivé : les lancements sont enregistrés pour l&apos;apprenant.</translation>
    </message>
    <message numerus="yes">
        <source>Cleared %n preview attempt(s).</source>
        <translation>
            <numerusform>%n tentative d&apos;aperçu effacée.</numerusform>
            <numerusform>%n tentatives d&apos;aperçu effacées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerTab</name>
    <message>
        <source>Learner</source>
        <extracomment>The widest the resume point column grows to show its values (longer ones are elided; the tooltip has them).</extracomment>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>The learner whose courses the table lists</source>
        <translation>L&apos;apprenant dont le tableau liste les cours</translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation>&amp;Apprenant :</translation>
    </message>
    <message>
        <source>Filter courses by title (Ctrl+F)</source>
        <translation>Filtrer les cours par titre (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter courses by title</source>
        <translation>Filtrer les cours par titre</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Courses of the learner</source>
        <translation>Cours de l&apos;apprenant</translation>
    </message>
    <message>
        <source>No learner has records yet.</source>
        <translation>Aucun apprenant n&apos;a encore de résultats.</translation>
    </message>
    <message numerus="yes">
        <source>course(s)</source>
        <translation>
            <numerusform>cours</numerusform>
            <numerusform>cours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>SCORM 2004 2nd Edition</source>
        <extracomment>A dispatched course&apos;s licence in one line (&quot;12 of 20 launches left, expires 31 March 2027&quot;), else &quot;&quot;. The editions&apos; names as standard_label() shows them (marked for translation: &quot;4th Edition&quot; reads differently).</extracomment>
        <translation>SCORM 2004 2e édition</translation>
    </message>
    <message>
        <source>SCORM 2004 3rd Edition</source>
        <translation>SCORM 2004 3e édition</translation>
    </message>
    <message>
        <source>SCORM 2004 4th Edition</source>
        <translation>SCORM 2004 4e édition</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>Dernière ouverture</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Course library</source>
        <extracomment>The manifest identifier of the bundled sample course (resources/sample-course). The active learner as the last refresh found it (None: no learner yet).</extracomment>
        <translation>Bibliothèque de cours</translation>
    </message>
    <message>
        <source>Enter plays the selected course, Ctrl+I shows its details; the Status column says where each course stands</source>
        <translation>Entrée lance le cours sélectionné, Ctrl+I affiche ses détails ; la colonne Statut indique où en est chaque cours</translation>
    </message>
    <message>
        <source>Converting course videos… {0:.0%}</source>
        <translation>Conversion des vidéos du cours… {0:.0%}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import course…</source>
        <translation>&amp;Importer un cours…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your library is empty&lt;/h2&gt;&lt;p&gt;Drop a course package (.zip: SCORM 1.2 or 2004, cmi5, xAPI) here,&lt;br&gt;or choose &lt;b&gt;File › Import course…&lt;/b&gt; (Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Votre bibliothèque est vide&lt;/h2&gt;&lt;p&gt;Déposez un paquet de cours (.zip : SCORM 1.2 ou 2004, cmi5, xAPI) ici,&lt;br&gt;ou choisissez &lt;b&gt;Fichier › Importer un cours…&lt;/b&gt; (Ctrl+O).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import course packages (.zip: SCORM, cmi5, xAPI) into the library (Ctrl+O)</source>
        <translation>Importer des paquets de cours (.zip : SCORM, cmi5, xAPI) dans la bibliothèque (Ctrl+O)</translation>
    </message>
    <message>
        <source>Import a &amp;folder of courses…</source>
        <translation>Importer un &amp;dossier de cours…</translation>
    </message>
    <message>
        <source>&amp;Check a course…</source>
        <translation>&amp;Vérifier un cours…</translation>
    </message>
    <message>
        <source>Validate a package and run its items unattended; nothing is recorded</source>
        <translation>Valider un paquet et exécuter ses éléments sans intervention ; rien n&apos;est enregistré</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>&amp;Ouvrir le dossier de données</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&lt;b&gt;SCORM Desktop {0}&lt;/b&gt;&lt;p&gt;An offline-first player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;br&gt;Logs: {2}&lt;/p&gt;</source>
        <translation>&lt;b&gt;SCORM Desktop {0}&lt;/b&gt;&lt;p&gt;Un lecteur de cours SCORM 1.2, SCORM 2004, cmi5 et xAPI (Tin Can) conçu pour fonctionner hors ligne.&lt;/p&gt;&lt;p&gt;Dossier de données : {1}&lt;br&gt;Journaux : {2}&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s). Double-click a course to play it; drop a .zip here to import.</source>
        <translation>
            <numerusform>%n cours. Double-cliquez sur un cours pour le lancer ; déposez un .zip ici pour l&apos;importer.</numerusform>
            <numerusform>%n cours. Double-cliquez sur un cours pour le lancer ; déposez un .zip ici pour l&apos;importer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import course</source>
        <translation>Importer un cours</translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <extracomment>These texts were the main window&apos;s and keep its translation context (&quot;MainWindow&quot;), written out for lupdate.</extracomment>
        <translation>&amp;Cours</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Play the selected course (Enter, or double-click it)</source>
        <translation>Lancer le cours sélectionné (Entrée, ou double-clic)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>Every learner&apos;s status on every course (Ctrl+D)</source>
        <translation>Le statut de chaque apprenant pour chaque cours (Ctrl+D)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Rechercher des cours</translation>
    </message>
    <message>
        <source>Show courses by status</source>
        <translation>Afficher les cours par statut</translation>
    </message>
    <message>
        <source>The library lists only the courses with this status</source>
        <translation>La bibliothèque n&apos;affiche que les cours ayant ce statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;ser</translation>
    </message>
    <message>
        <source>De&amp;tails…</source>
        <translation>Déta&amp;ils…</translation>
    </message>
    <message>
        <source>&amp;Update from a newer package…</source>
        <translation>&amp;Mettre à jour depuis un paquet plus récent…</translation>
    </message>
    <message>
        <source>&amp;Remove from library…</source>
        <translation>&amp;Retirer de la bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Start over…</source>
        <translation>Recommencer depuis le &amp;début…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About SCORM Desktop</source>
        <translation>À &amp;propos de SCORM Desktop</translation>
    </message>
    <message>
        <source>About SCORM Desktop</source>
        <translation>À propos de SCORM Desktop</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>&amp;Waive an AU…</source>
        <translation>Dis&amp;penser d&apos;une AU…</translation>
    </message>
    <message>
        <source>Exempt the active learner from a part of the selected cmi5 course</source>
        <translation>Dispenser l&apos;apprenant actif d&apos;une partie du cours cmi5 sélectionné</translation>
    </message>
    <message>
        <source>Waive an AU</source>
        <translation>Dispenser d&apos;une AU</translation>
    </message>
    <message>
        <source>Only a cmi5 course has AUs a learner can be exempted from.</source>
        <translation>Seul un cours cmi5 a des AU dont un apprenant peut être dispensé.</translation>
    </message>
    <message>
        <source>Remove course</source>
        <translation>Retirer le cours</translation>
    </message>
    <message>
        <source>Remove “{0}” from the library?</source>
        <translation>Retirer « {0} » de la bibliothèque ?</translation>
    </message>
    <message>
        <source>Its files are deleted. Learners&apos; records are kept (in reports, the dashboard and the sync queue) unless you also delete them; importing the package again brings the course back with them.</source>
        <translation>Ses fichiers sont supprimés. Les résultats des apprenants sont conservés (dans les rapports, le tableau de bord et la file de synchronisation), sauf si vous les supprimez aussi ; réimporter le paquet restaure le cours avec ses résultats.</translation>
    </message>
    <message>
        <source>Remove, keep records</source>
        <translation>Retirer, garder les résultats</translation>
    </message>
    <message>
        <source>Remove with records</source>
        <translation>Retirer avec les résultats</translation>
    </message>
    <message>
        <source>Newer version of “{0}”</source>
        <translation>Version plus récente de « {0} »</translation>
    </message>
    <message>
        <source>Course packages (*.zip);;All files (*)</source>
        <translation>Paquets de cours (*.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Update course</source>
        <translation>Mettre à jour le cours</translation>
    </message>
    <message>
        <source>That version is already in the library.</source>
        <translation>Cette version est déjà dans la bibliothèque.</translation>
    </message>
    <message>
        <source>“{0}” was updated; learners&apos; records are kept.</source>
        <translation>« {0} » a été mis à jour ; les résultats des apprenants sont conservés.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Start “{0}” again from the beginning for {1}?

The current attempt is kept in the history.</source>
        <translation>Recommencer « {0} » depuis le début pour {1} ?

La tentative en cours est conservée dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>There is no backup yet. SCORM Desktop takes one every day it is used and before every upgrade.</source>
        <translation>Il n&apos;y a encore aucune sauvegarde. SCORM Desktop en fait une chaque jour d&apos;utilisation et avant chaque mise à jour.</translation>
    </message>
    <message>
        <source>Restore the library as it was on:</source>
        <translation>Restaurer la bibliothèque telle qu&apos;elle était le :</translation>
    </message>
    <message>
        <source>Restore the library from the backup of {0}?

Learning records made after it will not be in the restored library; the current database is kept as a file beside it. SCORM Desktop closes now and opens the restored library the next time it starts.</source>
        <translation>Restaurer la bibliothèque à partir de la sauvegarde du {0} ?

Les résultats enregistrés après cette date ne seront pas dans la bibliothèque restaurée ; la base de données actuelle est conservée dans un fichier à côté. SCORM Desktop va se fermer et ouvrira la bibliothèque restaurée au prochain démarrage.</translation>
    </message>
    <message>
        <source>Learner: {0}</source>
        <translation>Apprenant : {0}</translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation>Introuvable : {0}</translation>
    </message>
    <message>
        <source>Import every course in a folder</source>
        <translation>Importer tous les cours d&apos;un dossier</translation>
    </message>
    <message>
        <source>Importing…</source>
        <extracomment>These texts were the main window&apos;s and keep its translation context (&quot;MainWindow&quot;), written out for lupdate.</extracomment>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing courses</source>
        <translation>Importation des cours</translation>
    </message>
    <message>
        <source>Importing {0} ({1} of {2})…</source>
        <translation>Importation de {0} ({1} sur {2})…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Imported “{0}”.</source>
        <translation>« {0} » importé.</translation>
    </message>
    <message>
        <source>{0} is already in the library as “{1}”.</source>
        <translation>{0} est déjà dans la bibliothèque sous le nom « {1} ».</translation>
    </message>
    <message>
        <source>{0} was not imported: {1}</source>
        <translation>{0} n&apos;a pas été importé : {1}</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing half-imported was kept.</source>
        <translation>L&apos;importation a été annulée ; rien d&apos;importé à moitié n&apos;a été conservé.</translation>
    </message>
    <message>
        <source>{0} imported, {1} already present, {2} refused</source>
        <translation>{0} importé(s), {1} déjà présent(s), {2} refusé(s)</translation>
    </message>
    <message>
        <source>Cannot play this course</source>
        <translation>Impossible de lancer ce cours</translation>
    </message>
    <message>
        <source>Dispatch of “{0}” for {1} written to {2}.</source>
        <translation>Envoi de «&#xa0;{0}&#xa0;» pour {1} enregistré dans {2}.</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Trust this issuer?</source>
        <translation>Faire confiance à cet émetteur&#xa0;?</translation>
    </message>
    <message>
        <source>{0} is a dispatched course from an issuer this computer does not trust yet.

Issuer key fingerprint: {1}

Trust it only if the issuer told you the same fingerprint. Trust it and import?</source>
        <translation>{0} est un cours envoyé par un émetteur auquel cet ordinateur ne fait pas encore confiance.

Empreinte de la clé de l&apos;émetteur&#xa0;: {1}

Ne lui faites confiance que si l&apos;émetteur vous a communiqué la même empreinte. Lui faire confiance et importer&#xa0;?</translation>
    </message>
    <message>
        <source>Dispatch to a s&amp;ite…</source>
        <translation>&amp;Envoyer à un site…</translation>
    </message>
    <message>
        <source>Write the selected course with a signed licence (launches, learners, expiry)</source>
        <translation>Enregistrer le cours sélectionné avec une licence signée (lancements, apprenants, expiration)</translation>
    </message>
    <message>
        <source>Dispatc&amp;hes</source>
        <translation>Liste des en&amp;vois</translation>
    </message>
</context>
<context>
    <name>MediaJobs</name>
    <message>
        <source>The course&apos;s videos could not be converted: {0}</source>
        <extracomment>How long a quit waits for the child to save its state before killing it. (course id, summary): {&quot;files&quot;, &quot;pending&quot;, &quot;running&quot;, &quot;done&quot;, &quot;failed&quot;, &quot;cancelled&quot;, &quot;progress&quot;, &quot;current&quot;}. (course id, summary) when a course&apos;s run ended (done, cancelled, or stopped with files failed). A sentence for the status bar (the main window&apos;s or the player&apos;s).</extracomment>
        <translation>Les vidéos du cours n&apos;ont pas pu être converties : {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n media file(s) of a course could not be converted; see the log.</source>
        <translation>
            <numerusform>%n fichier multimédia d&apos;un cours n&apos;a pas pu être converti ; voir le journal.</numerusform>
            <numerusform>%n fichiers multimédias d&apos;un cours n&apos;ont pas pu être convertis ; voir le journal.</numerusform>
        </translation>
    </message>
    <message>
        <source>This course&apos;s videos are being converted ({0:.0%}); until then &apos;{1}&apos; may stay black or silent. Reopen the page when it is done.</source>
        <translation>Les vidéos de ce cours sont en cours de conversion ({0:.0%}) ; d&apos;ici là, « {1} » peut rester noir ou muet. Rouvrez la page une fois la conversion terminée.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; uses a format this player cannot decode, and converting media is turned off in the settings; it may stay black or silent.</source>
        <translation>« {0} » utilise un format que ce lecteur ne sait pas décoder, et la conversion des médias est désactivée dans les paramètres ; il peut rester noir ou muet.</translation>
    </message>
    <message>
        <source>This course&apos;s videos are queued for conversion; until then &apos;{0}&apos; may stay black or silent.</source>
        <translation>Les vidéos de ce cours sont en attente de conversion ; d&apos;ici là, « {0} » peut rester noir ou muet.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>The characters typed are hidden</source>
        <translation>Les caractères saisis sont masqués</translation>
    </message>
    <message>
        <source>A PIN for {0} (leave empty for none):</source>
        <translation>Code PIN pour {0} (laisser vide pour aucun) :</translation>
    </message>
    <message>
        <source>{0}&apos;s PIN:</source>
        <translation>Code PIN de {0} :</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>Your progress could not be saved: {0}. Free some disk space; nothing is lost — it is kept here and saved as soon as there is room.</source>
        <extracomment>The elements whose values the sequencer reads: a batch that sets one of them changes adl.nav.request_valid.*. (Looked for in the batch&apos;s text: a false match only costs one more refresh.) How often unsaved values are retried while the disk is full.</extracomment>
        <translation>Votre progression n&apos;a pas pu être enregistrée : {0}. Libérez de l&apos;espace disque ; rien n&apos;est perdu : elle est gardée ici et sera enregistrée dès qu&apos;il y aura de la place.</translation>
    </message>
    <message>
        <source>Nothing more can be played without a learner&apos;s choice; the course is suspended.</source>
        <extracomment>How long closing waits for a hung page to hand over its last values before ending the session without them. (level, text, source, line) of every console message of the player page and the content. A launch is under way (the content is loading). A session ended: (launch, reason). No item is left to play: the reason (&quot;finished&quot;, &quot;suspended&quot;, &quot;closed&quot;, ...). A launch could not start: a sentence for the user. A sentence for the learner while values cannot be written (disk full); &quot;&quot; once all is saved again. Entries of the API log (every call with arguments, result, error code and time). The navigation state changed: `Navigator.ui_state()` (buttons, table of contents, progress, course status). A sentence about navigation for the learner (a refused request, nothing more to open, ...). No item runs and the course waits for the learner&apos;s choice: the sentence to show. Trainer preview: browse mode under the preview learner, never synced. Headless: the content&apos;s alert/confirm/prompt dialogs are answered, not shown. The view the player&apos;s pages show in; may be given after `open` (before the event loop runs again), so that the worker&apos;s start overlaps Chromium&apos;s (see ui/headless.py). The web profile of the learner being played (set at each launch). The course host the running page is served on (its durability waits are answered there). After a SCO ends without a navigation request: Continue when valid (headless), instead of waiting. The course&apos;s navigation; used only on the worker thread. The last navigation state (for the window and tests). The course is over (courseEnded was emitted) or has not begun. (course id, learner uid) of a player page loaded before its launch was prepared (`_preload`). Hands the worker&apos;s early news (the learner is known: `_preload`) to the UI thread mid-job. How long the content&apos;s own unload handlers get before its page is replaced by the next SCO&apos;s.</extracomment>
        <translation>Plus rien ne peut être lu sans un choix de l&apos;apprenant ; le cours est suspendu.</translation>
    </message>
    <message>
        <source>Nothing more can be played without a learner&apos;s choice; the course is closed.</source>
        <translation>Plus rien ne peut être lu sans un choix de l&apos;apprenant ; le cours est fermé.</translation>
    </message>
    <message>
        <source>Nothing more can be played without a learner&apos;s choice; the course is finished.</source>
        <translation>Plus rien ne peut être lu sans un choix de l&apos;apprenant ; le cours est terminé.</translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <source>Not started</source>
        <extracomment>What each status icon means (also the tooltip&apos;s first words).</extracomment>
        <translation>Non commencé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Waived (you are exempted from it)</source>
        <translation>Dispensé (vous en êtes exempté)</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <extracomment>The window closed and its session is saved. A session ended (for the library to refresh its status column). (request, label, tooltip) of the toolbar&apos;s navigation buttons, in order.</extracomment>
        <translation>◀  Précédent</translation>
    </message>
    <message>
        <source>Go back to the previous item (Alt+Left)</source>
        <translation>Revenir à l&apos;élément précédent (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Continue  ▶</source>
        <translation>Continuer  ▶</translation>
    </message>
    <message>
        <source>Go on to the next item (Alt+Right)</source>
        <translation>Passer à l&apos;élément suivant (Alt+Droite)</translation>
    </message>
    <message>
        <source>Exit item</source>
        <translation>Quitter l&apos;élément</translation>
    </message>
    <message>
        <source>Leave this item; then choose what to do next</source>
        <translation>Quitter cet élément, puis choisir la suite</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Save your place and leave the course; it resumes here next time</source>
        <translation>Mémoriser où vous en êtes et quitter le cours ; il reprendra ici la prochaine fois</translation>
    </message>
    <message>
        <source>Exit course</source>
        <translation>Quitter le cours</translation>
    </message>
    <message>
        <source>End this attempt of the course</source>
        <translation>Terminer cette tentative du cours</translation>
    </message>
    <message>
        <source>Abandon item</source>
        <extracomment>Requests that throw away what the current attempt did: offered in a menu, not as buttons.</extracomment>
        <translation>Abandonner l&apos;élément</translation>
    </message>
    <message>
        <source>Leave this item without keeping its results</source>
        <translation>Quitter cet élément sans conserver ses résultats</translation>
    </message>
    <message>
        <source>Abandon course</source>
        <translation>Abandonner le cours</translation>
    </message>
    <message>
        <source>Leave the course without keeping this attempt&apos;s results</source>
        <translation>Quitter le cours sans conserver les résultats de cette tentative</translation>
    </message>
    <message>
        <source>SCORM Desktop player</source>
        <extracomment>Requests about the running item: nothing to apply them to once it has ended. Requests that leave the course: nothing to leave once it is finished and nothing runs (Close says it all).
----------
AU statuses after which the learner is not sent to that AU first. The window closed and the AU&apos;s session is ended. A session started or ended (for the library to refresh its status column). True offscreen (tests, unattended runs): the AU&apos;s dialogs are answered instead of waiting for a person. The learner chose another AU and the running one is ending. The AU (item identifier) being played.</extracomment>
        <translation>Lecteur SCORM Desktop</translation>
    </message>
    <message>
        <source>Course items</source>
        <translation>Éléments du cours</translation>
    </message>
    <message>
        <source>Press Enter on an item to open it; each item says its status: not started, in progress, completed, passed or failed</source>
        <translation>Appuyez sur Entrée sur un élément pour l&apos;ouvrir ; chaque élément indique son statut : non commencé, en cours, terminé, réussi ou échoué</translation>
    </message>
    <message>
        <source>%p% done</source>
        <translation>%p % fait</translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation>Progression dans le cours</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>More ▾</source>
        <translation>Plus ▾</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Save progress and close the course (Ctrl+W)</source>
        <translation>Enregistrer la progression et fermer le cours (Ctrl+W)</translation>
    </message>
    <message>
        <source>API log</source>
        <translation>Journal de l&apos;API</translation>
    </message>
    <message>
        <source>Show every SCORM call the course makes (F12)</source>
        <translation>Afficher chaque appel SCORM du cours (F12)</translation>
    </message>
    <message>
        <source>Opening the course…</source>
        <translation>Ouverture du cours…</translation>
    </message>
    <message>
        <source> — PREVIEW (not recorded)</source>
        <translation> — APERÇU (non enregistré)</translation>
    </message>
    <message>
        <source>Playing “{0}” as {1}. Progress is saved as you go.</source>
        <translation>« {0} » en cours pour {1}. La progression est enregistrée au fur et à mesure.</translation>
    </message>
    <message>
        <source>Course: passed</source>
        <translation>Cours : réussi</translation>
    </message>
    <message>
        <source>Course: failed</source>
        <translation>Cours : échoué</translation>
    </message>
    <message>
        <source>Course: completed</source>
        <translation>Cours : terminé</translation>
    </message>
    <message>
        <source>Course: not started</source>
        <translation>Cours : non commencé</translation>
    </message>
    <message>
        <source>Course: in progress</source>
        <translation>Cours : en cours</translation>
    </message>
    <message>
        <source> — score {0}%</source>
        <translation> — score {0} %</translation>
    </message>
    <message>
        <source>Review: you can look through this course; nothing you do here changes your record.</source>
        <translation>Révision : vous pouvez parcourir ce cours ; rien de ce que vous faites ici ne modifie vos résultats.</translation>
    </message>
    <message>
        <source>Preview: nothing you do here is recorded.</source>
        <translation>Aperçu : rien de ce que vous faites ici n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>“{0}” has ended; your progress is saved.</source>
        <translation>« {0} » est terminé ; votre progression est enregistrée.</translation>
    </message>
    <message>
        <source>You have reached the end of the course. Your results are saved; you can close the player.</source>
        <translation>Vous êtes arrivé à la fin du cours. Vos résultats sont enregistrés ; vous pouvez fermer le lecteur.</translation>
    </message>
    <message>
        <source>The course is suspended; it resumes where you left off next time. You can close the player.</source>
        <translation>Le cours est suspendu ; il reprendra là où vous l&apos;avez laissé la prochaine fois. Vous pouvez fermer le lecteur.</translation>
    </message>
    <message>
        <source>Everything is saved again.</source>
        <translation>Tout est de nouveau enregistré.</translation>
    </message>
    <message>
        <source>The course could not start: {0}</source>
        <translation>Le cours n&apos;a pas pu démarrer : {0}</translation>
    </message>
    <message>
        <source>Moving on…</source>
        <translation>Passage à la suite…</translation>
    </message>
    <message>
        <source>Saving and moving on…</source>
        <translation>Enregistrement, puis suite…</translation>
    </message>
    <message>
        <source>Opening “{0}”…</source>
        <translation>Ouverture de « {0} »…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Fermeture…</translation>
    </message>
    <message>
        <source>Saving your progress…</source>
        <translation>Enregistrement de votre progression…</translation>
    </message>
    <message>
        <source>Press Enter on an item to open it; each item says its status: not started, in progress, completed, passed, failed or waived</source>
        <translation>Appuyez sur Entrée sur un élément pour l&apos;ouvrir ; chaque élément indique son statut : non commencé, en cours, terminé, réussi, échoué ou dispensé</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Course run-time</source>
        <translation>Environnement d&apos;exécution des cours</translation>
    </message>
    <message>
        <source>SCORM 1.2 allows 4,096 characters of suspend data; Storyline and Rise write more. 4,096 is strict; the default 64,000 keeps such courses resuming.</source>
        <translation>SCORM 1.2 autorise 4 096 caractères de données de suspension ; Storyline et Rise en écrivent davantage. 4 096 applique strictement la norme ; la valeur par défaut de 64 000 permet à ces cours de reprendre.</translation>
    </message>
    <message>
        <source>SCORM 1.2 suspend data limit (characters):</source>
        <translation>Limite des données de suspension SCORM 1.2 (caractères) :</translation>
    </message>
    <message>
        <source>Accept interaction formats authoring tools get wrong</source>
        <translation>Accepter les formats d&apos;interaction que les outils auteurs produisent mal</translation>
    </message>
    <message>
        <source>Accept broken session times (P0S, PT, hours over 99) and count them</source>
        <translation>Accepter les durées de session erronées (P0S, PT, plus de 99 heures) et les comptabiliser</translation>
    </message>
    <message>
        <source>Checked, interaction answers in the formats real courses write are stored; unchecked, only the specification&apos;s formats are accepted</source>
        <translation>Coché : les réponses aux interactions sont enregistrées dans les formats qu&apos;écrivent les vrais cours ; décoché : seuls les formats de la spécification sont acceptés</translation>
    </message>
    <message>
        <source>Checked, malformed session times are accepted and counted; unchecked, only well-formed times are accepted</source>
        <translation>Coché : les durées de session mal formées sont acceptées et comptabilisées ; décoché : seules les durées bien formées sont acceptées</translation>
    </message>
    <message>
        <source>Unchecked, the specification&apos;s formats only. Changes apply to the next launch.</source>
        <translation>Décoché : uniquement les formats de la spécification. Les changements s&apos;appliquent au prochain lancement.</translation>
    </message>
    <message>
        <source>Video and audio</source>
        <translation>Vidéo et audio</translation>
    </message>
    <message>
        <source>Convert H.264/AAC media to a format the player can show (in the background)</source>
        <translation>Convertir les médias H.264/AAC dans un format lisible par le lecteur (en arrière-plan)</translation>
    </message>
    <message>
        <source>Without it, such videos stay black or silent in the player</source>
        <translation>Sans cela, ces vidéos restent noires ou muettes dans le lecteur</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default ({0})</source>
        <translation>Langue du système ({0})</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Langue de l&apos;application</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>Prend effet au prochain démarrage</translation>
    </message>
    <message>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Langue de l&apos;application :</translation>
    </message>
    <message>
        <source>Takes effect at the next start. Course content keeps its own language.</source>
        <translation>Prend effet au prochain démarrage. Le contenu des cours garde sa propre langue.</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Dossier de la bibliothèque</translation>
    </message>
    <message>
        <source>Where the courses and the learners&apos; records are kept</source>
        <translation>L&apos;endroit où sont conservés les cours et les résultats des apprenants</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the library folder in a folder dialog</source>
        <translation>Choisir le dossier de la bibliothèque dans une boîte de dialogue</translation>
    </message>
    <message>
        <source>Takes effect at the next start. A new folder starts an empty library; copy the current folder there first to keep it.</source>
        <translation>Prend effet au prochain démarrage. Un nouveau dossier démarre avec une bibliothèque vide ; copiez-y d&apos;abord le dossier actuel pour la conserver.</translation>
    </message>
    <message>
        <source>This run uses a folder given by --data-dir or SCORM_DESKTOP_DATA.</source>
        <translation>Cette session utilise un dossier indiqué par --data-dir ou SCORM_DESKTOP_DATA.</translation>
    </message>
</context>
<context>
    <name>SwitchLearnerDialog</name>
    <message>
        <source>Who is learning?</source>
        <translation>Qui apprend ?</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Apprenants</translation>
    </message>
    <message>
        <source>Enter switches to the selected learner</source>
        <translation>Entrée passe à l&apos;apprenant sélectionné</translation>
    </message>
    <message>
        <source>or type a new learner&apos;s name</source>
        <translation>ou tapez le nom d&apos;un nouvel apprenant</translation>
    </message>
    <message>
        <source>New learner&apos;s name</source>
        <translation>Nom du nouvel apprenant</translation>
    </message>
    <message>
        <source>Type a name here to add a learner and switch to them</source>
        <translation>Tapez un nom ici pour ajouter un apprenant et passer à lui</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Changer</translation>
    </message>
    <message>
        <source>Choose your name. Each learner&apos;s progress is kept apart.</source>
        <translation>Choisissez votre nom. La progression de chaque apprenant est conservée séparément.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <extracomment>The settings (and the password, if one was typed) are on disk / in the keyring.</extracomment>
        <translation>Paramètres de synchronisation</translation>
    </message>
    <message>
        <source>The LRS&apos;s xAPI base address: the part before &apos;statements&apos;</source>
        <translation>L&apos;adresse xAPI de base du LRS : la partie avant « statements »</translation>
    </message>
    <message>
        <source>The LRS account the records are sent with</source>
        <translation>Le compte LRS avec lequel les résultats sont envoyés</translation>
    </message>
    <message>
        <source>Kept in the system&apos;s keyring when there is one; the characters typed are hidden</source>
        <translation>Conservé dans le trousseau du système s&apos;il y en a un ; les caractères saisis sont masqués</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>The address the learners&apos; accounts belong to (statements&apos; actor)</source>
        <translation>L&apos;adresse à laquelle appartiennent les comptes des apprenants (acteur des déclarations)</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Point d&apos;accès :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Learner account &amp;home page:</source>
        <translation>Page d&apos;&amp;accueil des comptes apprenants :</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Ask the LRS whether this address and account work</source>
        <translation>Demander au LRS si cette adresse et ce compte fonctionnent</translation>
    </message>
    <message>
        <source>Enter the LRS endpoint first.</source>
        <translation>Saisissez d&apos;abord le point d&apos;accès du LRS.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>The endpoint must start with https:// (or http://).</source>
        <translation>Le point d&apos;accès doit commencer par https:// (ou http://).</translation>
    </message>
    <message>
        <source>The sync settings could not be saved: {0}</source>
        <translation>Les paramètres de synchronisation n&apos;ont pas pu être enregistrés : {0}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync status</source>
        <extracomment>&quot;Sync now&quot;. F5 is Refresh in the Course menu; F9 is &quot;Send/Receive&quot; in mail programs.</extracomment>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>Synchro : non configurée</translation>
    </message>
    <message>
        <source>{0} pending</source>
        <translation>{0} en attente</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sync: offline</source>
        <translation>Synchro : hors ligne</translation>
    </message>
    <message>
        <source>Sync: error</source>
        <translation>Synchro : erreur</translation>
    </message>
    <message>
        <source>Sync: up to date</source>
        <translation>Synchro : à jour</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>last {0}</source>
        <translation>dernière {0}</translation>
    </message>
    <message>
        <source>{0} refused</source>
        <translation>{0} refusé(s)</translation>
    </message>
    <message>
        <source>LRS: {0}</source>
        <translation>LRS : {0}</translation>
    </message>
    <message>
        <source>none (Sync › Settings…)</source>
        <translation>aucun (Synchronisation › Paramètres…)</translation>
    </message>
    <message>
        <source>Pending: {0}; sent: {1}</source>
        <translation>En attente : {0} ; envoyés : {1}</translation>
    </message>
    <message numerus="yes">
        <source>Refused by the LRS: %n conflict(s), {0} invalid (see `scorm-desktop sync`)</source>
        <translation>
            <numerusform>Refusés par le LRS : %n conflit, {0} invalides (voir `scorm-desktop sync`)</numerusform>
            <numerusform>Refusés par le LRS : %n conflits, {0} invalides (voir `scorm-desktop sync`)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation>Dernière synchronisation réussie : {0}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Last error: {0}</source>
        <translation>Dernière erreur : {0}</translation>
    </message>
    <message>
        <source>Next try in {0} s</source>
        <translation>Prochain essai dans {0} s</translation>
    </message>
    <message>
        <source>Click to sync now ({0})</source>
        <translation>Cliquez pour synchroniser maintenant ({0})</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>Send the learning records to the LRS now ({0})</source>
        <translation>Envoyer maintenant les résultats d&apos;apprentissage au LRS ({0})</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Export records…</source>
        <translation>&amp;Exporter les résultats…</translation>
    </message>
    <message>
        <source>Write the records not yet sent to a signed file (for a USB stick)</source>
        <translation>Écrire les résultats pas encore envoyés dans un fichier signé (pour une clé USB)</translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation>&amp;Importer des résultats…</translation>
    </message>
    <message>
        <source>Queue the records of a file from another computer for sync</source>
        <translation>Mettre en file de synchronisation les résultats d&apos;un fichier venant d&apos;un autre ordinateur</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <source>Exporting records…</source>
        <translation>Exportation des résultats…</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Importer des résultats</translation>
    </message>
    <message>
        <source>Importing records…</source>
        <translation>Importation des résultats…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were written to {0}.

Import this file on a computer that can reach the LRS (Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and the LRS keeps one copy.

This computer&apos;s key: {1}</source>
        <translation>
            <numerusform>%n résultat écrit dans {0}.

Importez ce fichier sur un ordinateur qui peut joindre le LRS (Synchronisation › Importer des résultats…). Il reste aussi en file d&apos;attente ici : le premier ordinateur qui synchronise l&apos;envoie, et le LRS n&apos;en garde qu&apos;un exemplaire.

Clé de cet ordinateur : {1}</numerusform>
            <numerusform>%n résultats écrits dans {0}.

Importez ce fichier sur un ordinateur qui peut joindre le LRS (Synchronisation › Importer des résultats…). Ils restent aussi en file d&apos;attente ici : le premier ordinateur qui synchronise les envoie, et le LRS n&apos;en garde qu&apos;un exemplaire.

Clé de cet ordinateur : {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s)</source>
        <translation>
            <numerusform>%n résultat exporté</numerusform>
            <numerusform>%n résultats exportés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new record(s) queued for sync, {0} already known (of {1} in the file).

From device {2} ({3}), key {4}.</source>
        <translation>
            <numerusform>%n nouveau résultat en file de synchronisation, {0} déjà connus (sur {1} dans le fichier).

Provenant de l&apos;appareil {2} ({3}), clé {4}.</numerusform>
            <numerusform>%n nouveaux résultats en file de synchronisation, {0} déjà connus (sur {1} dans le fichier).

Provenant de l&apos;appareil {2} ({3}), clé {4}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n record(s)</source>
        <translation>
            <numerusform>%n résultat importé</numerusform>
            <numerusform>%n résultats importés</numerusform>
        </translation>
    </message>
    <message>
        <source>first time this computer sees it</source>
        <translation>vu pour la première fois par cet ordinateur</translation>
    </message>
    <message>
        <source>known device</source>
        <translation>appareil connu</translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation>Non importé : {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be used: {1}</source>
        <translation>« {0} » n&apos;a pas pu être utilisé : {1}</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} a échoué : {1}</translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <source>Waive an AU</source>
        <translation>Dispenser d&apos;une AU</translation>
    </message>
    <message>
        <source>Exempt {0} from a part of “{1}”. The LMS records it as waived (passed and completed for the course&apos;s rules), and it is sent with the other records.</source>
        <translation>Dispenser {0} d&apos;une partie de « {1} ». Le LMS l&apos;enregistre comme dispense (réussie et terminée pour les règles du cours), et elle est envoyée avec les autres résultats.</translation>
    </message>
    <message>
        <source>Assignable unit</source>
        <translation>Unité assignable (AU)</translation>
    </message>
    <message>
        <source>Reading the course…</source>
        <translation>Lecture du cours…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Tested out</source>
        <translation>Acquis par un test</translation>
    </message>
    <message>
        <source>Equivalent AU</source>
        <translation>AU équivalente</translation>
    </message>
    <message>
        <source>Equivalent outside activity</source>
        <translation>Activité extérieure équivalente</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administratif</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>AU:</source>
        <translation>AU :</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Waive</source>
        <translation>Dispenser</translation>
    </message>
    <message>
        <source>{0} has satisfied or been exempted from every AU of this course; there is nothing to waive.</source>
        <translation>{0} a validé toutes les AU de ce cours ou en a été dispensé ; il n&apos;y a rien à dispenser.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not waived: {0}</source>
        <translation>Pas de dispense : {0}</translation>
    </message>
    <message>
        <source>Not waived: the records could not be written ({0}).</source>
        <translation>Pas de dispense : les résultats n&apos;ont pas pu être écrits ({0}).</translation>
    </message>
</context>
<context>
    <name>WebEnv</name>
    <message>
        <source>Open an outside address?</source>
        <extracomment>What course content may reach, and how an outside link is opened (both replaceable, e.g. in tests).</extracomment>
        <translation>Ouvrir une adresse externe ?</translation>
    </message>
    <message>
        <source>The course wants to open this address in your web browser:</source>
        <translation>Le cours veut ouvrir cette adresse dans votre navigateur web :</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>
&lt;h2&gt;Welcome to SCORM Desktop&lt;/h2&gt;
&lt;p&gt;Play e-learning courses on this computer, with or without a network.&lt;/p&gt;
&lt;table cellspacing=&quot;8&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1. Import&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Drop a course package (&lt;i&gt;.zip&lt;/i&gt;) on the window, or use
&lt;i&gt;File › Import course&lt;/i&gt;. SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses are supported.&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;2. Play&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Double-click a course. Your progress, answers and scores are saved as you go;
close the course any time and it resumes where you left off.&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;3. Sync&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Results stay on this computer until you choose to send them to your organization&apos;s
learning record store, when a network is available.&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
</source>
        <translation>
&lt;h2&gt;Bienvenue dans SCORM Desktop&lt;/h2&gt;
&lt;p&gt;Suivez des cours en ligne sur cet ordinateur, avec ou sans réseau.&lt;/p&gt;
&lt;table cellspacing=&quot;8&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1. Importer&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Déposez un paquet de cours (&lt;i&gt;.zip&lt;/i&gt;) sur la fenêtre, ou utilisez
&lt;i&gt;Fichier › Importer un cours&lt;/i&gt;. Les cours SCORM 1.2, SCORM 2004, cmi5 et xAPI (Tin Can) sont pris en charge.&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;2. Suivre&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Double-cliquez sur un cours. Votre progression, vos réponses et vos scores sont enregistrés au fur et à mesure ;
fermez le cours quand vous voulez : il reprendra là où vous l&apos;avez laissé.&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;3. Synchroniser&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Les résultats restent sur cet ordinateur jusqu&apos;à ce que vous choisissiez de les envoyer au système
d&apos;enregistrement des apprentissages (LRS) de votre organisation, quand un réseau est disponible.&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
</translation>
    </message>
    <message>
        <source>Welcome to SCORM Desktop</source>
        <translation>Bienvenue dans SCORM Desktop</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your results are recorded under this name</source>
        <translation>Vos résultats sont enregistrés sous ce nom</translation>
    </message>
    <message>
        <source>Open the sample course now (about five minutes)</source>
        <translation>Ouvrir le cours d&apos;exemple maintenant (environ cinq minutes)</translation>
    </message>
    <message>
        <source>A short course that shows how the player works</source>
        <translation>Un cours court qui montre comment fonctionne le lecteur</translation>
    </message>
    <message>
        <source>Who is learning on this computer?</source>
        <translation>Qui apprend sur cet ordinateur ?</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Please enter a name: your results are recorded under it.</source>
        <translation>Veuillez saisir un nom : vos résultats sont enregistrés sous ce nom.</translation>
    </message>
</context>
</TS>

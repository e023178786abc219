<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>error: {0}</source>
        <translation>error: {0}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>mostrar esta ayuda y salir</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>mostrar el número de versión del programa y salir</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>se requieren los siguientes argumentos: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no permitido con el argumento %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>se requiere uno de los argumentos %s</translation>
    </message>
    <message>
        <source>Offline-first player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses. With no command, the app opens.</source>
        <extracomment>The command groups, in the order `--help` lists them: (module, its function that registers the sub-commands). Ctrl+C. Commands that only read the data folder: they work on a read-only one.</extracomment>
        <translation>Reproductor sin conexión para cursos SCORM 1.2, SCORM 2004, cmi5 y xAPI (Tin Can). Sin ningún comando, se abre la aplicación.</translation>
    </message>
    <message>
        <source>data folder (library, database, web profile); default: $SCORM_DESKTOP_DATA or the user data folder</source>
        <translation>carpeta de datos (biblioteca, base de datos, perfil web); por defecto: $SCORM_DESKTOP_DATA o la carpeta de datos del usuario</translation>
    </message>
    <message>
        <source>language of the app and its messages: en, fr or es (default: $SCORM_DESKTOP_LANG, then the Settings choice, then the system&apos;s)</source>
        <translation>idioma de la aplicación y de sus mensajes: en, fr o es (por defecto: $SCORM_DESKTOP_LANG, luego la elección de Ajustes, luego el del sistema)</translation>
    </message>
    <message>
        <source>print informational log lines to stderr</source>
        <translation>mostrar las líneas informativas del registro en stderr</translation>
    </message>
    <message>
        <source>{0}: error: there is no file or folder &apos;{1}&apos; to open</source>
        <translation>{0}: error: no hay ningún archivo ni carpeta «{1}» que abrir</translation>
    </message>
    <message>
        <source>{0}: unknown command &apos;{1}&apos; (did you mean &apos;{2}&apos;?); see: {0} --help</source>
        <translation>{0}: comando desconocido «{1}» (¿quería decir «{2}»?); vea: {0} --help</translation>
    </message>
    <message>
        <source>{0}: unknown command &apos;{1}&apos;; see: {0} --help</source>
        <translation>{0}: comando desconocido «{1}»; vea: {0} --help</translation>
    </message>
    <message>
        <source>{0}: error: {1} (see: {0} --help)</source>
        <translation>{0}: error: {1} (vea: {0} --help)</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
    </message>
    <message>
        <source>error: --data-dir is empty: give the data folder&apos;s path (an unset variable?)</source>
        <translation>error: --data-dir está vacío: indique la ruta de la carpeta de datos (¿una variable sin definir?)</translation>
    </message>
    <message>
        <source>error: cannot use {0} as a data folder: it is not writable (read-only commands such as courses, report and backups still work)</source>
        <translation>error: no se puede usar {0} como carpeta de datos: no se puede escribir en ella (los comandos de solo lectura como courses, report y backups siguen funcionando)</translation>
    </message>
    <message>
        <source>note: {0}</source>
        <translation>nota: {0}</translation>
    </message>
    <message>
        <source>the learner given is empty; give a name</source>
        <extracomment>The refusal for each name argument given empty (called when said, in the learner&apos;s language).</extracomment>
        <translation>el alumno indicado está vacío; indique un nombre</translation>
    </message>
    <message>
        <source>the new name given is empty; give a name</source>
        <translation>el nuevo nombre indicado está vacío; indique un nombre</translation>
    </message>
    <message>
        <source>the name given is empty; give a name</source>
        <translation>el nombre indicado está vacío; indique un nombre</translation>
    </message>
    <message>
        <source>refused: {0}: {1}</source>
        <translation>rechazado: {0}: {1}</translation>
    </message>
    <message>
        <source>note: {0} is already in the library as course {1} ({2})</source>
        <translation>nota: {0} ya está en la biblioteca como curso {1} ({2})</translation>
    </message>
    <message>
        <source>note: {0} updated course {1} ({2}); learners&apos; records are kept</source>
        <translation>nota: {0} actualizó el curso {1} ({2}); se conservan los registros de los alumnos</translation>
    </message>
    <message>
        <source>warning: {0}: {1}</source>
        <translation>aviso: {0}: {1}</translation>
    </message>
    <message>
        <source>The library is empty. Import a course with: scorm-desktop import COURSE.zip</source>
        <translation>La biblioteca está vacía. Importe un curso con: scorm-desktop import CURSO.zip</translation>
    </message>
    <message>
        <source>learning records: status, score, progress, time per learner and SCO</source>
        <translation>registros de aprendizaje: estado, puntuación, progreso, tiempo por alumno y SCO</translation>
    </message>
    <message>
        <source>only this course</source>
        <translation>solo este curso</translation>
    </message>
    <message>
        <source>only this learner</source>
        <translation>solo este alumno</translation>
    </message>
    <message>
        <source>include every stored CMI value</source>
        <translation>incluir todos los valores CMI guardados</translation>
    </message>
    <message>
        <source>write the dashboard&apos;s tables as CSV (for spreadsheets) or a printable PDF report</source>
        <translation>escribir las tablas del panel en CSV (para hojas de cálculo) o en un informe PDF imprimible</translation>
    </message>
    <message>
        <source>A learner&apos;s courses (--learner), a course&apos;s learners (--course), or every course&apos;s figures.</source>
        <translation>Los cursos de un alumno (--learner), los alumnos de un curso (--course) o las cifras de cada curso.</translation>
    </message>
    <message>
        <source>write CSV (UTF-8 with BOM, opens in Excel)</source>
        <translation>escribir CSV (UTF-8 con BOM, se abre en Excel)</translation>
    </message>
    <message>
        <source>write a printable A4 PDF report</source>
        <translation>escribir un informe PDF A4 imprimible</translation>
    </message>
    <message>
        <source>only this learner: one row per course</source>
        <translation>solo este alumno: una fila por curso</translation>
    </message>
    <message>
        <source>only this course (id or exact title): one row per learner</source>
        <translation>solo este curso (id o título exacto): una fila por alumno</translation>
    </message>
    <message>
        <source>No learning records yet.</source>
        <translation>Todavía no hay registros de aprendizaje.</translation>
    </message>
    <message>
        <source>there is no learner &apos;{0}&apos; (see: scorm-desktop report)</source>
        <translation>no hay ningún alumno «{0}» (vea: scorm-desktop report)</translation>
    </message>
    <message>
        <source>the folder {0} does not exist</source>
        <translation>la carpeta {0} no existe</translation>
    </message>
    <message>
        <source>error: {0} could not be written ({1})</source>
        <translation>error: no se pudo escribir {0} ({1})</translation>
    </message>
    <message>
        <source>wrote {0} to {1}</source>
        <translation>escrito en {1}: {0}</translation>
    </message>
    <message>
        <source>{0} learner</source>
        <translation>{0} alumno</translation>
    </message>
    <message>
        <source>{0} learners</source>
        <translation>{0} alumnos</translation>
    </message>
    <message>
        <source>error: there is no backup &apos;{0}&apos; (see: scorm-desktop backups)</source>
        <translation>error: no existe la copia de seguridad «{0}» (vea: scorm-desktop backups)</translation>
    </message>
    <message>
        <source>No backups yet. One is taken every day the app is used, and before every upgrade.</source>
        <translation>Todavía no hay copias de seguridad. Se hace una cada día que se usa la aplicación y antes de cada actualización.</translation>
    </message>
    <message>
        <source>import course packages (SCORM, cmi5, xAPI; ZIP files or package folders; a folder of ZIPs imports each) into the library</source>
        <translation>importar paquetes de cursos (SCORM, cmi5, xAPI; archivos ZIP o carpetas de paquete; una carpeta de ZIP los importa todos) a la biblioteca</translation>
    </message>
    <message>
        <source>print one JSON object per package</source>
        <translation>mostrar un objeto JSON por paquete</translation>
    </message>
    <message>
        <source>a newer version of a course already in the library (same manifest identifier): replace its files, keep learners&apos; records for the SCOs that still exist</source>
        <translation>una versión más reciente de un curso que ya está en la biblioteca (mismo identificador de manifiesto): reemplazar sus archivos, conservar los registros de los alumnos de los SCO que siguen existiendo</translation>
    </message>
    <message>
        <source>remove a course from the library (its learners&apos; records are kept)</source>
        <translation>quitar un curso de la biblioteca (se conservan los registros de sus alumnos)</translation>
    </message>
    <message>
        <source>also delete every learner&apos;s records of it</source>
        <translation>eliminar también los registros de todos los alumnos de ese curso</translation>
    </message>
    <message>
        <source>list the courses in the library</source>
        <translation>listar los cursos de la biblioteca</translation>
    </message>
    <message>
        <source>list the database backups (newest first)</source>
        <translation>listar las copias de seguridad de la base de datos (las más recientes primero)</translation>
    </message>
    <message>
        <source>restore the library database from a backup (the current one is kept)</source>
        <translation>restaurar la base de datos de la biblioteca desde una copia de seguridad (se conserva la actual)</translation>
    </message>
    <message>
        <source>a backup file name or path, as `backups` lists them</source>
        <translation>un nombre o ruta de archivo de copia de seguridad, como los lista `backups`</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be read ({1}).</source>
        <translation>No se pudo leer «{0}» ({1}).</translation>
    </message>
    <message>
        <source>note: {0} brought back course {1} ({2}) with its learners&apos; records</source>
        <translation>nota: {0} ha restablecido el curso {1} ({2}) con los registros de sus alumnos</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>STANDARD</source>
        <translation>ESTÁNDAR</translation>
    </message>
    <message>
        <source>SCOS</source>
        <translation>SCO</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TÍTULO</translation>
    </message>
    <message>
        <source>licence for {0}: {1}</source>
        <translation>licencia para {0}: {1}</translation>
    </message>
    <message>
        <source>course {0} ({1}) is being played now (process {2}); close it first</source>
        <translation>el curso {0} ({1}) se está reproduciendo ahora (proceso {2}); ciérrelo primero</translation>
    </message>
    <message>
        <source>course {0} ({1}) is already removed; its records are kept (add --delete-records to delete them too)</source>
        <translation>el curso {0} ({1}) ya se quitó; se conservan sus registros (añada --delete-records para eliminarlos también)</translation>
    </message>
    <message>
        <source>and every learner&apos;s records of it</source>
        <translation>y todos los registros de los alumnos en él</translation>
    </message>
    <message>
        <source>(learners&apos; records are kept)</source>
        <translation>(se conservan los registros de los alumnos)</translation>
    </message>
    <message>
        <source>error: this removes &apos;{0}&apos; {1}; add --yes to confirm</source>
        <translation>error: esto elimina «{0}» {1}; añada --yes para confirmar</translation>
    </message>
    <message>
        <source>removed course {0} ({1})</source>
        <translation>curso {0} eliminado ({1})</translation>
    </message>
    <message>
        <source>error: SCORM Desktop is using this data folder now (process {0}); close it, then restore</source>
        <translation>error: SCORM Desktop está usando esta carpeta de datos ahora (proceso {0}); ciérrelo y luego restaure</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>an item in the contents</source>
        <translation>un elemento del contenido</translation>
    </message>
    <message>
        <source>You have finished this course; you can close the player.</source>
        <translation>Ha terminado este curso; puede cerrar el reproductor.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>You have finished this course. You can close the player, or choose {0} to see it again.</source>
        <translation>Ha terminado este curso. Puede cerrar el reproductor o elegir {0} para volver a verlo.</translation>
    </message>
    <message>
        <source>Nothing more can be opened in this course now; you can close the player.</source>
        <translation>Ahora no se puede abrir nada más en este curso; puede cerrar el reproductor.</translation>
    </message>
    <message>
        <source>Choose an item in the contents to continue.</source>
        <translation>Elija un elemento del contenido para continuar.</translation>
    </message>
    <message>
        <source>Choose an item in the contents to begin.</source>
        <translation>Elija un elemento del contenido para empezar.</translation>
    </message>
    <message>
        <source>, or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>Choose what to do next: {0}.</source>
        <translation>Elija qué hacer a continuación: {0}.</translation>
    </message>
    <message>
        <source>Report date</source>
        <extracomment>Words reports/pdf_html.py uses inside f-strings, where lupdate does not look: marked here so they are extracted.</extracomment>
        <translation>Fecha del informe</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>No rows.</source>
        <translation>No hay filas.</translation>
    </message>
    <message>
        <source>No courses.</source>
        <translation>No hay cursos.</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <extracomment>A translation of the report&apos;s words (the identity when there is none).</extracomment>
        <translation>Tasa de finalización</translation>
    </message>
    <message>
        <source>Average progress</source>
        <translation>Progreso medio</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Puntuación media</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Tiempo total</translation>
    </message>
    <message>
        <source>Learning report: learner</source>
        <translation>Informe de aprendizaje: alumno</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Alumno</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <source>Learning report: course</source>
        <translation>Informe de aprendizaje: curso</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Alumnos</translation>
    </message>
    <message>
        <source>Learning report: all courses</source>
        <translation>Informe de aprendizaje: todos los cursos</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <extracomment>Device pixels per inch of the PDF layout: CSS pixels in the HTML are these (the PDF itself is vector).</extracomment>
        <translation>Página {0} de {1}</translation>
    </message>
    <message>
        <source>Learning report: {0}</source>
        <translation>Informe de aprendizaje: {0}</translation>
    </message>
    <message>
        <source>The package&apos;s own &apos;{0}&apos; folder was left out: that name is reserved for the app&apos;s own files.</source>
        <extracomment>Folder inside the archive/folder that holds the manifest: &quot;&quot; or e.g. &quot;course&quot;. The manifest&apos;s file name as spelled in the package (e.g. &quot;IMSManifest.xml&quot;). Package files relative to `root`, &quot;/&quot; separated (no folders, no __MACOSX/.DS_Store litter). Declared uncompressed size of `files`, in bytes. Sentences about what was left out of the package (reserved names), for the import&apos;s warnings. Asked between stages and inside long ones (manifest parsing, hashing, extraction); True stops with Cancelled.</extracomment>
        <translation>Se ha dejado fuera la carpeta «{0}» del paquete: ese nombre está reservado para los archivos propios de la aplicación.</translation>
    </message>
    <message>
        <source>The package unpacks to {0}, more than the {1} size limit.</source>
        <translation>El paquete descomprimido ocupa {0}, más que el límite de {1}.</translation>
    </message>
    <message>
        <source>The package has no file &apos;{0}&apos;.</source>
        <translation>El paquete no contiene ningún archivo «{0}».</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is damaged: its data does not match its header ({1}).</source>
        <translation>La entrada «{0}» del paquete está dañada: sus datos no coinciden con su cabecera ({1}).</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is damaged: its size does not match its header.</source>
        <translation>La entrada «{0}» del paquete está dañada: su tamaño no coincide con su cabecera.</translation>
    </message>
    <message>
        <source>The manifest {0} is {1}, more than the {2} a manifest may be.</source>
        <translation>El manifiesto {0} ocupa {1}, más que los {2} que puede ocupar un manifiesto.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; would be written outside the destination.</source>
        <translation>La entrada «{0}» del paquete se escribiría fuera de la carpeta de destino.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a ZIP archive.</source>
        <translation>«{0}» no es un archivo ZIP.</translation>
    </message>
    <message>
        <source>The package has {0:,} entries, more than the limit of {1:,}.</source>
        <translation>El paquete contiene {0:,} entradas, más que el límite de {1:,}.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; appears twice in the ZIP, which is refused.</source>
        <translation>La entrada «{0}» aparece dos veces en el ZIP, lo que se rechaza.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is a symbolic link, which is refused for safety.</source>
        <translation>La entrada «{0}» del paquete es un enlace simbólico, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is a device or special file, which is refused for safety.</source>
        <translation>La entrada «{0}» del paquete es un dispositivo o un archivo especial, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is encrypted; password-protected packages are not supported.</source>
        <translation>La entrada «{0}» del paquete está cifrada; los paquetes protegidos con contraseña no son compatibles.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; uses a compression method (number {1}) this app cannot read; re-create the ZIP with standard compression.</source>
        <translation>La entrada «{0}» del paquete usa un método de compresión (número {1}) que esta aplicación no puede leer; vuelva a crear el ZIP con una compresión estándar.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; expands more than {1:g} times its compressed size; it is refused as a likely zip bomb.</source>
        <translation>La entrada «{0}» del paquete se descomprime a más de {1:g} veces su tamaño comprimido; se rechaza como probable bomba ZIP.</translation>
    </message>
    <message>
        <source>The package unpacks to {0} from {1} of compressed data, more than {2:g} times as much; it is refused as a likely zip bomb.</source>
        <translation>El paquete se descomprime en {0} a partir de {1} de datos comprimidos, más de {2:g} veces más; se rechaza como probable bomba ZIP.</translation>
    </message>
    <message>
        <source>The folder &apos;{0}&apos; cannot be read ({1}).</source>
        <translation>No se puede leer la carpeta «{0}» ({1}).</translation>
    </message>
    <message>
        <source>The package file &apos;{0}&apos; is a symbolic link, which is refused for safety.</source>
        <translation>El archivo «{0}» del paquete es un enlace simbólico, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package file &apos;{0}&apos; is a device or special file, which is refused for safety.</source>
        <translation>El archivo «{0}» del paquete es un dispositivo o un archivo especial, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package has more than {0:,} files, the limit.</source>
        <translation>El paquete contiene más de {0:,} archivos, el límite.</translation>
    </message>
    <message>
        <source>The package file &apos;{0}&apos; cannot be read ({1}).</source>
        <translation>No se puede leer el archivo «{0}» del paquete ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; does not exist.</source>
        <translation>«{0}» no existe.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; cannot be read ({1}).</source>
        <translation>No se puede leer «{0}» ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a regular file or a folder; only ZIP files and package folders can be imported.</source>
        <translation>«{0}» no es un archivo normal ni una carpeta; solo se pueden importar archivos ZIP y carpetas de paquete.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; has a name with a NUL character, which is refused for safety.</source>
        <extracomment>Read size when streaming entries. zipfile&apos;s own extraction reads 64 KiB; 1 MiB reads made zlib work several times harder (ZipExtFile re-copies the unconsumed input on every capped decompress call): 0.29 s instead of 0.03 s of decompress time for 150 MiB (benchmarks/profiles/import.md). Progress and cancel are reported once per this many bytes (and at the end of each file), not per read. Extraction creates every file new: never through a link, never over an existing file. Names that are never package content (macOS and Windows litter); left out of files, hash and extraction. Top-level names inside a course folder that belong to the app, never to the package (compared without case): `.converted` holds converted media and their plan (media/jobs.py), `.scorm-desktop` what the import recorded. Content carrying them is never read as the app&apos;s own: they are left out at import, with a warning. Entries larger than `ratio_min_size` may not expand more than `max_ratio` times their compressed size. The whole archive may not expand more than `max_ratio` times its size on disk (once it unpacks to more than `ratio_min_size`): thousands of small, very compressible entries each pass the per-entry check. The manifest is read into memory and parsed: its size and element depth are capped.</extracomment>
        <translation>La entrada «{0}» del paquete tiene un nombre con un carácter NUL, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; has an absolute path, which is refused for safety.</source>
        <translation>La entrada «{0}» del paquete tiene una ruta absoluta, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; names a drive letter, which is refused for safety.</source>
        <translation>La entrada «{0}» del paquete indica una letra de unidad, lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; points outside the package (&apos;..&apos;), which is refused for safety.</source>
        <translation>La entrada «{0}» del paquete apunta fuera del paquete («..»), lo que se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>The package holds several manifests ({0}); import each course on its own.</source>
        <translation>El paquete contiene varios manifiestos ({0}); importe cada curso por separado.</translation>
    </message>
    <message>
        <source>The package&apos;s imsmanifest.xml is in the folder &apos;{0}&apos;, not at the top, and other files lie outside that folder.</source>
        <translation>El imsmanifest.xml del paquete está en la carpeta «{0}», no en la raíz, y hay otros archivos fuera de esa carpeta.</translation>
    </message>
    <message>
        <source>This is a cmi5 package; cmi5 is not supported yet.</source>
        <translation>Este es un paquete cmi5; cmi5 todavía no es compatible.</translation>
    </message>
    <message>
        <source>This is an xAPI (Tin Can) package; xAPI packages are not supported yet.</source>
        <translation>Este es un paquete xAPI (Tin Can); los paquetes xAPI todavía no son compatibles.</translation>
    </message>
    <message>
        <source>This is an AICC package; AICC is not supported yet.</source>
        <translation>Este es un paquete AICC; AICC todavía no es compatible.</translation>
    </message>
    <message>
        <source>The package has no imsmanifest.xml: it is not a SCORM package.</source>
        <translation>El paquete no contiene ningún imsmanifest.xml: no es un paquete SCORM.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; is both a file and a folder, which is refused.</source>
        <translation>La entrada «{0}» del paquete es a la vez un archivo y una carpeta, lo que se rechaza.</translation>
    </message>
    <message>
        <source>The package entry &apos;{0}&apos; holds more data than its header declares; it is refused as a likely zip bomb.</source>
        <translation>La entrada «{0}» del paquete contiene más datos de los que declara su cabecera; se rechaza como probable bomba ZIP.</translation>
    </message>
    <message>
        <source>The package unpacks to more than {0}, the size limit.</source>
        <translation>El paquete descomprimido ocupa más de {0}, el tamaño límite.</translation>
    </message>
    <message>
        <source>nothing in it names a version, so SCORM 1.2 was assumed</source>
        <translation>nada en él indica una versión, así que se ha supuesto SCORM 1.2</translation>
    </message>
    <message>
        <source>it was read as SCORM {0}, guessed from its namespaces</source>
        <translation>se ha leído como SCORM {0}, deducido de sus espacios de nombres</translation>
    </message>
    <message>
        <source>The manifest&apos;s schemaversion &apos;{0}&apos; is not a known SCORM version; {1}.</source>
        <translation>La schemaversion «{0}» del manifiesto no es una versión conocida de SCORM; {1}.</translation>
    </message>
    <message>
        <source>The manifest does not state its SCORM version (no &lt;schemaversion&gt;); {0}.</source>
        <translation>El manifiesto no indica su versión de SCORM (no hay &lt;schemaversion&gt;); {0}.</translation>
    </message>
    <message>
        <source>Item &apos;{0}&apos; opens the web address &apos;{1}&apos;, which needs a network connection.</source>
        <translation>El elemento «{0}» abre la dirección web «{1}», que necesita una conexión de red.</translation>
    </message>
    <message>
        <source>The launch file &apos;{0}&apos; of item &apos;{1}&apos; is missing from the package.</source>
        <translation>Falta en el paquete el archivo de inicio «{0}» del elemento «{1}».</translation>
    </message>
    <message>
        <source>The launch file &apos;{0}&apos; of item &apos;{1}&apos; is named &apos;{2}&apos; in the package (different letter case); that file is used.</source>
        <translation>El archivo de inicio «{0}» del elemento «{1}» se llama «{2}» en el paquete (distintas mayúsculas y minúsculas); se usa ese archivo.</translation>
    </message>
    <message>
        <source>The manifest lists files the package does not contain: &apos;{0}&apos; and {1} more.</source>
        <translation>El manifiesto enumera archivos que el paquete no contiene: «{0}» y {1} más.</translation>
    </message>
    <message>
        <source>The manifest lists files the package does not contain: &apos;{0}&apos;.</source>
        <translation>El manifiesto enumera archivos que el paquete no contiene: «{0}».</translation>
    </message>
    <message>
        <source> (and {0} more problems)</source>
        <translation> (y {0} problemas más)</translation>
    </message>
    <message>
        <source> Also: </source>
        <translation> Además: </translation>
    </message>
    <message>
        <source>The package has no item that can be launched (no resource with an href).</source>
        <translation>El paquete no contiene ningún elemento que se pueda iniciar (ningún recurso con href).</translation>
    </message>
    <message>
        <source>A resource in the manifest has no identifier; it is ignored.</source>
        <translation>Un recurso del manifiesto no tiene identificador; se ignora.</translation>
    </message>
    <message>
        <source>The manifest defines the resource &apos;{0}&apos; twice; the first definition is used.</source>
        <translation>El manifiesto define dos veces el recurso «{0}»; se usa la primera definición.</translation>
    </message>
    <message>
        <source>Item &apos;{0}&apos; refers to resource &apos;{1}&apos;, which the manifest does not define; it is skipped.</source>
        <translation>El elemento «{0}» remite al recurso «{1}», que el manifiesto no define; se omite.</translation>
    </message>
    <message>
        <source>Item &apos;{0}&apos; has a mastery score &apos;{1}&apos; that is not a number; it is ignored.</source>
        <translation>El elemento «{0}» tiene una puntuación de dominio «{1}» que no es un número; se ignora.</translation>
    </message>
    <message>
        <source>The organization &apos;{0}&apos; has no identifier; it was given the identifier &apos;{1}&apos;.</source>
        <translation>La organización «{0}» no tiene identificador; se le ha dado el identificador «{1}».</translation>
    </message>
    <message>
        <source>The organization &apos;{0}&apos; has no title; the course is titled &apos;{1}&apos; instead.</source>
        <translation>La organización «{0}» no tiene título; el curso se titula «{1}» en su lugar.</translation>
    </message>
    <message>
        <source>The manifest defines no organization (no table of contents); the course was built from its only SCO resource.</source>
        <translation>El manifiesto no define ninguna organización (no hay índice); el curso se construyó a partir de su único recurso SCO.</translation>
    </message>
    <message>
        <source>The manifest defines no organization (no table of contents); the course was built from its {0} SCO resources in the order they are listed.</source>
        <translation>El manifiesto no define ninguna organización (no hay índice); el curso se ha construido a partir de sus {0} recursos SCO, en el orden en que aparecen.</translation>
    </message>
    <message>
        <source>The default organization &apos;{0}&apos; does not exist; the first organization, &apos;{1}&apos;, is used instead.</source>
        <translation>La organización predeterminada «{0}» no existe; se usa en su lugar la primera organización, «{1}».</translation>
    </message>
    <message>
        <source>The manifest names no default organization; the first one, &apos;{0}&apos;, is used.</source>
        <translation>El manifiesto no indica ninguna organización predeterminada; se usa la primera, «{0}».</translation>
    </message>
    <message>
        <source>The manifest {0} is empty.</source>
        <extracomment>Deepest element nesting read (the readers recurse over items; real manifests nest a dozen levels at most). The XML is fed to the parser in pieces this large, `cancelled()` asked between them. Expat before 2.6 re-scans an unfinished token on every feed, so small pieces (ElementTree.iterparse feeds 16 KiB) make a long comment or text quadratic: an 80 MB comment took 208 s. Large pieces keep it linear.</extracomment>
        <translation>El manifiesto {0} está vacío.</translation>
    </message>
    <message>
        <source>The manifest {0} nests its elements more than {1} deep, which is refused.</source>
        <translation>El manifiesto {0} anida sus elementos a más de {1} niveles, lo que se rechaza.</translation>
    </message>
    <message>
        <source>The manifest uses XML entities or a DTD, which are refused for safety.</source>
        <translation>El manifiesto usa entidades XML o una DTD, que se rechazan por seguridad.</translation>
    </message>
    <message>
        <source>The manifest {0} is empty: it has no &lt;manifest&gt; element.</source>
        <translation>El manifiesto {0} está vacío: no tiene ningún elemento &lt;manifest&gt;.</translation>
    </message>
    <message>
        <source>The manifest {0} is not well-formed XML (line {1}: {2}).</source>
        <translation>El manifiesto {0} no es XML bien formado (línea {1}: {2}).</translation>
    </message>
    <message>
        <source>The file {0} is not a SCORM manifest: its top element is &lt;{1}&gt;, not &lt;manifest&gt;.</source>
        <translation>El archivo {0} no es un manifiesto SCORM: su elemento raíz es &lt;{1}&gt;, no &lt;manifest&gt;.</translation>
    </message>
    <message>
        <source>The manifest {0} is not valid UTF-8; it was read as Windows-1252 text.</source>
        <translation>El manifiesto {0} no es UTF-8 válido; se ha leído como texto Windows-1252.</translation>
    </message>
    <message>
        <source>There is no course {0} in the library.</source>
        <extracomment>Test-only: set to a stage name (&quot;after-rename&quot;) to make an import print `paused at STAGE` to stderr and sleep there, so a test can SIGKILL it at that exact point. Nothing reads it otherwise. What a launch does once the course was completed: &quot;review&quot; or &quot;new-attempt&quot;. The course was removed from the library (its files are gone; its records were kept). The user allowed the course&apos;s pages to reach the internet (off by default: content is untrusted). The course this import updated or brought back (its id and records are kept). Media files the player&apos;s engine cannot decode, with their codecs (converted in the background). What happened, in a word: &quot;imported&quot;, &quot;duplicate&quot;, &quot;updated&quot;, or &quot;restored&quot; (a removed course came back).</extracomment>
        <translation>No hay ningún curso {0} en la biblioteca.</translation>
    </message>
    <message>
        <source>There is no course &apos;{0}&apos; in the library.</source>
        <translation>No hay ningún curso «{0}» en la biblioteca.</translation>
    </message>
    <message>
        <source>Several courses match &apos;{0}&apos;; give the course id instead.</source>
        <translation>Varios cursos coinciden con «{0}»; indique en su lugar el número del curso.</translation>
    </message>
    <message>
        <source>Unknown relaunch choice &apos;{0}&apos;.</source>
        <translation>Opción de reinicio desconocida «{0}».</translation>
    </message>
    <message>
        <source>&apos;Allow internet access&apos; is true or false, not {0!r}.</source>
        <translation>«Permitir el acceso a Internet» es verdadero o falso, no {0!r}.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing of it was kept.</source>
        <translation>Se ha cancelado la importación; no se ha conservado nada de ella.</translation>
    </message>
    <message>
        <source>There is no course with the identifier &apos;{0}&apos; to update; import it without --update to add it.</source>
        <translation>No hay ningún curso con el identificador «{0}» que actualizar; impórtelo sin --update para añadirlo.</translation>
    </message>
    <message>
        <source>The package could not be written into the library{0}: {1}.</source>
        <translation>No se ha podido escribir el paquete en la biblioteca{0}: {1}.</translation>
    </message>
    <message>
        <source>The package&apos;s audio and video could not be checked ({0}); some may not play.</source>
        <translation>No se han podido comprobar el audio y el vídeo del paquete ({0}); puede que algunos no se reproduzcan.</translation>
    </message>
    <message>
        <source>The course structure &apos;{0}&apos; launches its AUs from the web (such as &apos;{1}&apos;): it needs the network, and SCORM Desktop plays courses offline from a ZIP that holds their files.</source>
        <extracomment>A bare descriptor larger than this is not read (a real one is a few hundred kilobytes at most).</extracomment>
        <translation>La estructura de curso «{0}» inicia sus AU desde la web (por ejemplo «{1}»): necesita la red, y SCORM Desktop reproduce los cursos sin conexión a partir de un ZIP que contiene sus archivos.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is a cmi5 course structure without the course&apos;s files; import the course&apos;s ZIP instead.</source>
        <translation>«{0}» es una estructura de curso cmi5 sin los archivos del curso; importe en su lugar el ZIP del curso.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is a Tin Can descriptor without the course&apos;s files; import the course&apos;s ZIP instead.</source>
        <translation>«{0}» es un descriptor Tin Can sin los archivos del curso; importe en su lugar el ZIP del curso.</translation>
    </message>
    <message>
        <source>{0} is launched from &apos;{1}&apos;, on the web: it needs the network, and SCORM Desktop plays courses offline from the files in their package.</source>
        <translation>{0} se inicia desde «{1}», en la web: necesita la red, y SCORM Desktop reproduce los cursos sin conexión a partir de los archivos de su paquete.</translation>
    </message>
    <message>
        <source>The launch URL &apos;{0}&apos; of {1} does not name a file inside the package.</source>
        <translation>La URL de inicio «{0}» ({1}) no indica ningún archivo del paquete.</translation>
    </message>
    <message>
        <source> (the package has &apos;{0}&apos;: letter case differs)</source>
        <translation> (el paquete contiene «{0}»: difieren las mayúsculas y minúsculas)</translation>
    </message>
    <message>
        <source>The launch file &apos;{0}&apos; of {1} is missing from the package{2}.</source>
        <translation>Falta en el paquete el archivo de inicio «{0}» ({1}){2}.</translation>
    </message>
    <message>
        <source>the AU &apos;{0}&apos;</source>
        <translation>la AU «{0}»</translation>
    </message>
    <message>
        <source>The package holds both a cmi5 course structure (cmi5.xml) and a SCORM manifest (imsmanifest.xml); it was imported as cmi5.</source>
        <translation>El paquete contiene a la vez una estructura de curso cmi5 (cmi5.xml) y un manifiesto SCORM (imsmanifest.xml); se ha importado como cmi5.</translation>
    </message>
    <message>
        <source>An activity in {0} has the id &apos;{1}&apos;, which is not an IRI (such as https://…).</source>
        <translation>Una actividad de {0} tiene el identificador «{1}», que no es un IRI (como https://…).</translation>
    </message>
    <message>
        <source>The activity id &apos;{0}&apos; appears twice in {1}.</source>
        <translation>El identificador de actividad «{0}» aparece dos veces en {1}.</translation>
    </message>
    <message>
        <source>The activity &apos;{0}&apos; in {1} has the type &apos;{2}&apos;, which is not an IRI.</source>
        <translation>La actividad «{0}» de {1} tiene el tipo «{2}», que no es un IRI.</translation>
    </message>
    <message>
        <source>The file {0} names no activity with a &lt;launch&gt; file: there is nothing to play.</source>
        <translation>El archivo {0} no indica ninguna actividad con un archivo &lt;launch&gt;: no hay nada que reproducir.</translation>
    </message>
    <message>
        <source>the activity &apos;{0}&apos;</source>
        <translation>la actividad «{0}»</translation>
    </message>
    <message>
        <source>The package holds both a Tin Can descriptor (tincan.xml) and a SCORM manifest (imsmanifest.xml); it was imported as Tin Can.</source>
        <translation>El paquete contiene a la vez un descriptor Tin Can (tincan.xml) y un manifiesto SCORM (imsmanifest.xml); se ha importado como Tin Can.</translation>
    </message>
    <message>
        <source>The file {0} is empty.</source>
        <extracomment>The &lt;url&gt; as written (relative to the package root, or absolute).</extracomment>
        <translation>El archivo {0} está vacío.</translation>
    </message>
    <message>
        <source>The file {0} uses XML entities or a DTD, which are refused for safety.</source>
        <translation>El archivo {0} usa entidades XML o una DTD, que se rechazan por seguridad.</translation>
    </message>
    <message>
        <source>The file {0} is not well-formed XML (line {1}: {2}).</source>
        <translation>El archivo {0} no es XML bien formado (línea {1}: {2}).</translation>
    </message>
    <message>
        <source>The file {0} is not valid: its top element is &lt;{1}&gt;, not &lt;{2}&gt;.</source>
        <translation>El archivo {0} no es válido: su elemento raíz es &lt;{1}&gt;, no &lt;{2}&gt;.</translation>
    </message>
    <message>
        <source>{0} has no &lt;{1}&gt; in {2}.</source>
        <translation>{0} no tiene &lt;{1}&gt; en {2}.</translation>
    </message>
    <message>
        <source>The &lt;{0}&gt; of {1} has no &lt;langstring&gt; in {2}.</source>
        <translation>En {2}, el elemento &lt;{0}&gt; ({1}) no tiene ningún &lt;langstring&gt;.</translation>
    </message>
    <message>
        <source>{0} has no {1} attribute in {2}.</source>
        <translation>{0} no tiene el atributo {1} en {2}.</translation>
    </message>
    <message>
        <source>{0} has the {1} &apos;{2}&apos;, which is not an IRI (such as https://…).</source>
        <translation>{0} tiene como {1} «{2}», que no es un IRI (como https://…).</translation>
    </message>
    <message>
        <source>{0} refers to the objective &apos;{1}&apos;, which the course does not declare.</source>
        <translation>{0} remite al objetivo «{1}», que el curso no declara.</translation>
    </message>
    <message>
        <source>The file {0} is not a cmi5 course structure: its namespace is &apos;{1}&apos;, not &apos;{2}&apos;.</source>
        <translation>El archivo {0} no es una estructura de curso cmi5: su espacio de nombres es «{1}», no «{2}».</translation>
    </message>
    <message>
        <source>The file {0} must hold exactly one &lt;course&gt;; it holds {1}.</source>
        <translation>El archivo {0} debe contener exactamente un &lt;course&gt;; contiene {1}.</translation>
    </message>
    <message>
        <source>the course</source>
        <translation>el curso</translation>
    </message>
    <message>
        <source>the objective</source>
        <translation>el objetivo</translation>
    </message>
    <message>
        <source>The objective id &apos;{0}&apos; appears twice in {1}.</source>
        <translation>El identificador de objetivo «{0}» aparece dos veces en {1}.</translation>
    </message>
    <message>
        <source>the objective &apos;{0}&apos;</source>
        <translation>el objetivo «{0}»</translation>
    </message>
    <message>
        <source>The course in {0} has no AU: there is nothing to launch.</source>
        <translation>El curso de {0} no tiene ninguna AU: no hay nada que iniciar.</translation>
    </message>
    <message>
        <source>The file {0} holds an unknown element &lt;{1}&gt; in the course structure.</source>
        <translation>El archivo {0} contiene un elemento desconocido &lt;{1}&gt; en la estructura del curso.</translation>
    </message>
    <message>
        <source>the block</source>
        <translation>el bloque</translation>
    </message>
    <message>
        <source>the block &apos;{0}&apos;</source>
        <translation>el bloque «{0}»</translation>
    </message>
    <message>
        <source>{0} holds no AU and no block.</source>
        <translation>{0} no contiene ninguna AU ni ningún bloque.</translation>
    </message>
    <message>
        <source>The AU id &apos;{0}&apos; appears twice in {1}; each AU needs its own id.</source>
        <translation>El identificador de AU «{0}» aparece dos veces en {1}; cada AU necesita su propio identificador.</translation>
    </message>
    <message>
        <source>The block id &apos;{0}&apos; appears twice in {1}; each block needs its own id.</source>
        <translation>El identificador de bloque «{0}» aparece dos veces en {1}; cada bloque necesita su propio identificador.</translation>
    </message>
    <message>
        <source>an AU</source>
        <translation>una AU</translation>
    </message>
    <message>
        <source>a block</source>
        <translation>un bloque</translation>
    </message>
    <message>
        <source>The id &apos;{0}&apos; of {1} is also the id of {2} in {3}.</source>
        <translation>En {3}, el identificador «{0}» se usa a la vez para {1} y para {2}.</translation>
    </message>
    <message>
        <source>the AU</source>
        <translation>la AU</translation>
    </message>
    <message>
        <source>{0} has no launch &lt;url&gt; in {1}.</source>
        <translation>{0} no tiene &lt;url&gt; de inicio en {1}.</translation>
    </message>
    <message>
        <source>{0} has moveOn &apos;{1}&apos;; it must be one of {2}.</source>
        <translation>{0} tiene como moveOn «{1}»; debe ser uno de {2}.</translation>
    </message>
    <message>
        <source>{0} has launchMethod &apos;{1}&apos;; it must be AnyWindow or OwnWindow.</source>
        <translation>{0} tiene como launchMethod «{1}»; debe ser AnyWindow u OwnWindow.</translation>
    </message>
    <message>
        <source>{0} has masteryScore &apos;{1}&apos;; it must be a decimal from 0 to 1.</source>
        <translation>{0} tiene como masteryScore «{1}»; debe ser un número decimal de 0 a 1.</translation>
    </message>
    <message>
        <source>{0} has the activityType &apos;{1}&apos;, which is not an IRI.</source>
        <translation>{0} tiene como activityType «{1}», que no es un IRI.</translation>
    </message>
    <message>
        <source>the LRS did not answer in time ({0})</source>
        <extracomment>What an answer means for the batch. Seconds the LRS asked us to wait (Retry-After), if it said. time.monotonic() after which no request may still be waiting (None: only the per-request time-out).</extracomment>
        <translation>el LRS no ha respondido a tiempo ({0})</translation>
    </message>
    <message>
        <source>the LRS could not be reached ({0})</source>
        <translation>no se ha podido contactar con el LRS ({0})</translation>
    </message>
    <message>
        <source>the LRS refused the credentials (HTTP {0}): check the user name and password</source>
        <translation>el LRS ha rechazado las credenciales (HTTP {0}): compruebe el nombre de usuario y la contraseña</translation>
    </message>
    <message>
        <source>the endpoint has no xAPI statements resource (HTTP 404): check the endpoint URL</source>
        <translation>el punto de acceso no tiene el recurso xAPI statements (HTTP 404): compruebe la URL del punto de acceso</translation>
    </message>
    <message>
        <source>{0} is not a SCORM Desktop records bundle.</source>
        <extracomment>Refuse payloads that decompress beyond this (a hostile or broken file must not fill the disk or memory). Pending document writes carried too. Document writes in the file, and how many of them were queued here (the others were older than ours).</extracomment>
        <translation>{0} no es un paquete de registros de SCORM Desktop.</translation>
    </message>
    <message>
        <source>{0} is damaged: its header is incomplete.</source>
        <translation>{0} está dañado: su cabecera está incompleta.</translation>
    </message>
    <message>
        <source>{0} is damaged: its header cannot be read ({1}).</source>
        <translation>{0} está dañado: no se puede leer su cabecera ({1}).</translation>
    </message>
    <message>
        <source>{0} was changed after it was written: its signature does not match.</source>
        <translation>{0} se ha modificado después de escribirse: su firma no coincide.</translation>
    </message>
    <message>
        <source>{0} is damaged: its contents do not match their checksum.</source>
        <translation>{0} está dañado: su contenido no coincide con su suma de comprobación.</translation>
    </message>
    <message>
        <source>{0} is damaged: it says {1} statements but holds {2}.</source>
        <translation>{0} está dañado: anuncia {1} declaraciones pero contiene {2}.</translation>
    </message>
    <message>
        <source>{0} is damaged: it says {1} documents but holds {2}.</source>
        <translation>{0} está dañado: indica {1} documentos pero contiene {2}.</translation>
    </message>
    <message>
        <source>{0} claims to come from device {1}, but is signed with another key than the one accepted from that device before (fingerprint {2}); not imported.</source>
        <translation>{0} dice proceder del dispositivo {1}, pero está firmado con una clave distinta de la aceptada antes de ese dispositivo (huella {2}); no se ha importado.</translation>
    </message>
    <message>
        <source>{0} reuses the key of device {1}; not imported.</source>
        <translation>{0} reutiliza la clave del dispositivo {1}; no se ha importado.</translation>
    </message>
    <message>
        <source>a field is missing or of the wrong kind</source>
        <translation>falta un campo o no es del tipo correcto</translation>
    </message>
    <message>
        <source>the agent is not a JSON object</source>
        <translation>el agente no es un objeto JSON</translation>
    </message>
    <message>
        <source>a document write needs its content, a delete none</source>
        <translation>la escritura de un documento necesita su contenido; un borrado, ninguno</translation>
    </message>
    <message>
        <source>{0} holds a document that is not valid ({1}).</source>
        <translation>{0} contiene un documento no válido ({1}).</translation>
    </message>
    <message>
        <source>{0} is too large once unpacked (over {1} MB).</source>
        <translation>{0} es demasiado grande una vez descomprimido (más de {1} MB).</translation>
    </message>
    <message>
        <source>{0} is damaged: its contents cannot be unpacked ({1}).</source>
        <translation>{0} está dañado: no se puede descomprimir su contenido ({1}).</translation>
    </message>
    <message>
        <source>the statement&apos;s id does not match</source>
        <translation>el identificador de la declaración no coincide</translation>
    </message>
    <message>
        <source>{0} holds a statement that is not valid ({1}).</source>
        <translation>{0} contiene una declaración que no es válida ({1}).</translation>
    </message>
    <message>
        <source>Name the recipient with --to (the site or organisation the course is for).</source>
        <extracomment>How far back the clock may honestly drift (or be corrected) before the device&apos;s latest-seen time wins.</extracomment>
        <translation>Indique el destinatario con --to (el centro o la organización a la que va destinado el curso).</translation>
    </message>
    <message>
        <source>{0} must be 1 or more.</source>
        <translation>{0} debe ser 1 o más.</translation>
    </message>
    <message>
        <source>--expires &apos;{0}&apos; is not a date like 2027-03-31.</source>
        <translation>--expires «{0}» no es una fecha como 2027-03-31.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist; choose another place for the dispatch file.</source>
        <translation>La carpeta {0} no existe; elija otro lugar para el archivo de envío.</translation>
    </message>
    <message>
        <source>The files of &apos;{0}&apos; are not in the library; import it again to dispatch it.</source>
        <translation>Los archivos de «{0}» no están en la biblioteca; vuelva a importarlo para enviarlo.</translation>
    </message>
    <message>
        <source>licensed courses for other sites: create, trust, revoke, report</source>
        <translation>cursos con licencia para otros sitios: crear, confiar, revocar, informe</translation>
    </message>
    <message>
        <source>write one file: the course and a licence signed by this installation</source>
        <translation>escribir un solo archivo: el curso y una licencia firmada por esta instalación</translation>
    </message>
    <message>
        <source>the site or organisation it is for</source>
        <translation>el sitio u organización al que va destinado</translation>
    </message>
    <message>
        <source>last day it may be launched (UTC)</source>
        <translation>último día en que se puede lanzar (UTC)</translation>
    </message>
    <message>
        <source>the dispatches this installation issued</source>
        <translation>los envíos emitidos por esta instalación</translation>
    </message>
    <message>
        <source>this installation&apos;s issuer key (give the file to the sites, for `dispatch trust`)</source>
        <translation>la clave de emisor de esta instalación (entregue el archivo a los sitios, para `dispatch trust`)</translation>
    </message>
    <message>
        <source>accept dispatches signed by the issuer key in KEYFILE</source>
        <translation>aceptar los envíos firmados por la clave de emisor de KEYFILE</translation>
    </message>
    <message>
        <source>revoke a dispatch: publish the signed revocation list on the LRS (and/or --out)</source>
        <translation>revocar un envío: publicar la lista de revocación firmada en el LRS (y/o --out)</translation>
    </message>
    <message>
        <source>also write the list to FILE for sites without a network (USB)</source>
        <translation>escribir también la lista en FILE para los sitios sin red (USB)</translation>
    </message>
    <message>
        <source>do not publish on the LRS</source>
        <translation>no publicar en el LRS</translation>
    </message>
    <message>
        <source>basic-auth user (password as for sync)</source>
        <translation>usuario basic-auth (contraseña como para sync)</translation>
    </message>
    <message>
        <source>write the signed revocation list to a file (USB)</source>
        <translation>escribir la lista de revocación firmada en un archivo (USB)</translation>
    </message>
    <message>
        <source>apply a revocation list from a file (USB)</source>
        <translation>aplicar una lista de revocación desde un archivo (USB)</translation>
    </message>
    <message>
        <source>read the dispatches&apos; statements back from the LRS: per dispatch and device</source>
        <translation>leer del LRS las declaraciones de los envíos: por envío y por dispositivo</translation>
    </message>
    <message>
        <source>write a printable A4 PDF (loads Qt, offscreen)</source>
        <translation>escribir un PDF A4 imprimible (carga Qt, fuera de pantalla)</translation>
    </message>
    <message>
        <source>refused: {0}</source>
        <translation>rechazado: {0}</translation>
    </message>
    <message>
        <source>error: {0} could not be used ({1}).</source>
        <translation>error: no se pudo usar {0} ({1}).</translation>
    </message>
    <message>
        <source>dispatch {0}: &apos;{1}&apos; for {2} written to {3} (issuer key {4})</source>
        <translation>envío {0}: «{1}» para {2} escrito en {3} (clave de emisor {4})</translation>
    </message>
    <message>
        <source>No dispatches issued yet. Create one with: scorm-desktop dispatch create COURSE --to SITE --out FILE</source>
        <translation>Todavía no se ha emitido ningún envío. Cree uno con: scorm-desktop dispatch create COURSE --to SITE --out FILE</translation>
    </message>
    <message>
        <source>revoked {0}</source>
        <translation>revocado el {0}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>max launches {0}</source>
        <extracomment>A dispatch&apos;s limits as `dispatch list` words them (called when printed, in the learner&apos;s language).</extracomment>
        <translation>lanzamientos máx. {0}</translation>
    </message>
    <message>
        <source>max learners {0}</source>
        <translation>alumnos máx. {0}</translation>
    </message>
    <message>
        <source>wrote the issuer key to {0} ({1})</source>
        <translation>clave de emisor escrita en {0} ({1})</translation>
    </message>
    <message>
        <source>trusted the dispatch issuer with key fingerprint {0}</source>
        <translation>ahora se confía en el emisor de envíos con la huella de clave {0}</translation>
    </message>
    <message>
        <source>wrote the revocation list ({0} dispatch(es)) to {1}</source>
        <translation>lista de revocación ({0} envío(s)) escrita en {1}</translation>
    </message>
    <message>
        <source>published the revocation list ({0} dispatch(es)) on {1}</source>
        <translation>lista de revocación ({0} envío(s)) publicada en {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a dispatch revocation list; nothing was changed.</source>
        <translation>«{0}» no es una lista de revocación de envíos; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>{0} dispatch(es) newly revoked (issuer {1})</source>
        <translation>{0} envío(s) revocado(s) ahora (emisor {1})</translation>
    </message>
    <message>
        <source>This installation issued no dispatch &apos;{0}&apos; (see: dispatch list).</source>
        <translation>Esta instalación no ha emitido ningún envío «{0}» (vea: dispatch list).</translation>
    </message>
    <message>
        <source>No dispatches issued yet.</source>
        <translation>Todavía no se ha emitido ningún envío.</translation>
    </message>
    <message>
        <source>(revoked)</source>
        <translation>(revocado)</translation>
    </message>
    <message>
        <source>all devices: {0}</source>
        <translation>todos los dispositivos: {0}</translation>
    </message>
    <message>
        <source>device {0}: {1}; missing records: {2}</source>
        <translation>dispositivo {0}: {1}; registros que faltan: {2}</translation>
    </message>
    <message>
        <source>Dispatch report</source>
        <translation>Informe de envíos</translation>
    </message>
    <message>
        <source>{0} launches, {1} learners, {2} completed, {3} passed, average score {4}, last launch {5}</source>
        <translation>{0} lanzamientos, {1} alumnos, {2} completados, {3} aprobados, puntuación media {4}, último lanzamiento {5}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; cannot be read as an issuer key file ({1}).</source>
        <translation>No se puede leer «{0}» como archivo de clave de emisor ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; holds no issuer key (write one with: scorm-desktop dispatch key --out FILE).</source>
        <translation>«{0}» no contiene ninguna clave de emisor (cree una con: scorm-desktop dispatch key --out FILE).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; comes from an issuer this computer does not trust (fingerprint {1}); trust it first with: scorm-desktop dispatch trust KEYFILE.</source>
        <translation>«{0}» procede de un emisor en el que este equipo no confía (huella {1}); primero confíe en él con: scorm-desktop dispatch trust KEYFILE.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was revoked by its issuer; ask the issuer for a new dispatch.</source>
        <translation>«{0}» ha sido revocado por su emisor; pida al emisor un nuevo envío.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; holds another course than its licence names; not imported.</source>
        <translation>«{0}» contiene un curso distinto del que indica su licencia; no se ha importado.</translation>
    </message>
    <message>
        <source>revoked by the issuer</source>
        <translation>revocado por el emisor</translation>
    </message>
    <message>
        <source>{0} of {1} launches left</source>
        <translation>quedan {0} de {1} lanzamientos</translation>
    </message>
    <message>
        <source>{0} of {1} learners</source>
        <translation>{0} de {1} alumnos</translation>
    </message>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>{0} {1} {2}</source>
        <translation>{0} de {1} de {2}</translation>
    </message>
    <message>
        <source>expired {0}</source>
        <translation>caducó el {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is licensed for {1}, all taken: {2}</source>
        <translation>«{0}» tiene licencia para {1}, todas las plazas están ocupadas: {2}</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>caduca el {0}</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>sin límites</translation>
    </message>
    <message>
        <source>ask the issuer for a new dispatch of this course; earlier results are kept and still synced.</source>
        <translation>pida al emisor un nuevo envío de este curso; los resultados anteriores se conservan y se siguen sincronizando.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was revoked by its issuer: {1}</source>
        <translation>«{0}» ha sido revocado por su emisor: {1}</translation>
    </message>
    <message>
        <source>The licence for &apos;{0}&apos; expired on {1}: {2}</source>
        <translation>La licencia de «{0}» caducó el {1}: {2}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has used the one launch of its licence: {1}</source>
        <translation>«{0}» ha usado el único lanzamiento de su licencia: {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; has used all {1} launches of its licence: {2}</source>
        <translation>«{0}» ha usado los {1} lanzamientos de su licencia: {2}</translation>
    </message>
    <message>
        <source>{0} comes from an issuer this computer does not trust (fingerprint {1}); nothing was changed.</source>
        <translation>{0} procede de un emisor en el que este equipo no confía (huella {1}); no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>it lacks {0}</source>
        <extracomment>An outcome the user is told about, not a fault: the Worker logs it at INFO, without a traceback.</extracomment>
        <translation>le falta {0}</translation>
    </message>
    <message>
        <source>its limits are not positive whole numbers</source>
        <translation>sus límites no son números enteros positivos</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a SCORM Desktop dispatch file.</source>
        <translation>«{0}» no es un archivo de envío de SCORM Desktop.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is damaged: its licence is incomplete; ask the issuer for the file again.</source>
        <translation>«{0}» está dañado: su licencia está incompleta; vuelva a pedir el archivo al emisor.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is damaged: its licence cannot be read ({1}).</source>
        <translation>«{0}» está dañado: no se puede leer su licencia ({1}).</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was changed after the issuer signed it (its signature does not match); not imported.</source>
        <translation>«{0}» se ha modificado después de que el emisor lo firmara (su firma no coincide); no se ha importado.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; was changed after the issuer signed it (the course does not match its licence); not imported.</source>
        <translation>«{0}» se ha modificado después de que el emisor lo firmara (el curso no coincide con su licencia); no se ha importado.</translation>
    </message>
    <message>
        <source>{0} is not signed by the issuer it names; nothing was changed.</source>
        <translation>{0} no está firmado por el emisor que indica; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>{0} is not a valid dispatch revocation list; nothing was changed.</source>
        <translation>{0} no es una lista de revocación de envíos válida; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Course {0} ({1}) is not a cmi5 course: only cmi5 AUs can be waived.</source>
        <extracomment>The reasons cmi5 defines for the reason extension of &quot;waived&quot; (cmi5 9.5.4.1 / 9.3.9). The course&apos;s status for the registration afterwards (`registration_status`), e.g. label &quot;completed&quot;.</extracomment>
        <translation>El curso {0} ({1}) no es un curso cmi5: solo se puede dispensar de las AU de cmi5.</translation>
    </message>
    <message>
        <source>The course has no AU {0}; its AUs are {1}.</source>
        <translation>El curso no tiene ninguna AU {0}; sus AU son {1}.</translation>
    </message>
    <message>
        <source>The reason {0} is not one cmi5 defines; use one of: {1}.</source>
        <translation>El motivo {0} no es uno de los que define cmi5; use uno de estos: {1}.</translation>
    </message>
    <message>
        <source>Only a learner of the library can be exempted (not the trainer&apos;s preview).</source>
        <translation>Solo se puede dispensar a un alumno de la biblioteca (no a la vista previa del formador).</translation>
    </message>
    <message>
        <source>{0} is already exempted from {1} in this attempt.</source>
        <translation>{0} ya está dispensado de {1} en este intento.</translation>
    </message>
    <message>
        <source>{0} has already satisfied {1} in this attempt (moveOn {2}), so there is nothing to waive.</source>
        <translation>{0} ya ha superado {1} en este intento (moveOn {2}), así que no hay nada que dispensar.</translation>
    </message>
    <message>
        <source>{0} has meanwhile satisfied or been exempted from {1}.</source>
        <translation>Mientras tanto, {0} ha superado {1} o ha sido dispensado de ella.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be converted: {1}</source>
        <extracomment>How often (in decoded frames) `cancelled()` is asked and `progress()` is told.</extracomment>
        <translation>No se pudo convertir «{0}»: {1}</translation>
    </message>
    <message>
        <source>there is no audio or video in it</source>
        <translation>no contiene audio ni vídeo</translation>
    </message>
    <message>
        <source>the media of {0} are being converted by another process</source>
        <extracomment>The most `read_plan` reads: far above any real plan (a few hundred bytes per media file), so never held in memory whole when something else stands in its place. How often progress is written to jobs.json (statuses are written at once). How often progress is sent to the parent. package-relative path of the original &quot;video&quot; or &quot;audio&quot; wall time the conversion took</extracomment>
        <translation>otro proceso está convirtiendo los medios de {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a file of this course.</source>
        <translation>«{0}» no es un archivo de este curso.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is missing from the course folder.</source>
        <translation>«{0}» no está en la carpeta del curso.</translation>
    </message>
    <message>
        <source>the media probe stopped unexpectedly</source>
        <extracomment>Codecs the PyPI QtWebEngine (no proprietary codecs) decodes, as FFmpeg names them. Measured: canPlayType and real playback in QtWebEngine 6.11 offscreen; the MP4 container itself is fine (VP9/AV1/Opus in MP4 play). How long probing the candidates of one package may take in all before it is given up (the import goes on). How often a running probe asks whether the import was cancelled. package-relative, &quot;/&quot;-separated &quot;video&quot; or &quot;audio&quot; seconds, when the container says</extracomment>
        <translation>el análisis de los medios se detuvo de forma inesperada</translation>
    </message>
    <message>
        <source>FFmpeg (PyAV) is not available: {0}</source>
        <translation>FFmpeg (PyAV) no está disponible: {0}</translation>
    </message>
    <message>
        <source>probing the media took longer than {0:.0f} s</source>
        <translation>el análisis de los medios tardó más de {0:.0f} s</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} y {1} más</translation>
    </message>
    <message>
        <source>{0} use codecs the player cannot decode ({1}): {2}. They are converted to WebM once, in the background; until then they stay black or silent.</source>
        <translation>Códecs que el reproductor no puede descodificar ({1}) en {0}: {2}. Se convierten a WebM una sola vez, en segundo plano; hasta entonces se ven en negro o sin sonido.</translation>
    </message>
    <message>
        <source>{0} media file</source>
        <translation>{0} archivo multimedia</translation>
    </message>
    <message>
        <source>{0} media files</source>
        <translation>{0} archivos multimedia</translation>
    </message>
    <message>
        <source>check course packages: validate them and run every item unattended, with a verdict each</source>
        <translation>comprobar paquetes de cursos: validarlos y ejecutar cada elemento sin supervisión, con un veredicto para cada uno</translation>
    </message>
    <message>
        <source>Validates each package (schemas of its edition, identifiers, files, sequencing) and runs every launchable item in the real player, offscreen, under a throwaway learner (nothing is recorded or synced). Verdicts: ok, works with warnings, broken.</source>
        <translation>Valida cada paquete (esquemas de su edición, identificadores, archivos, secuenciación) y ejecuta cada elemento lanzable en el reproductor real, fuera de pantalla, con un alumno desechable (no se registra ni se sincroniza nada). Veredictos: ok, works with warnings, broken.</translation>
    </message>
    <message>
        <source>a ZIP file, a package folder, or a course of the library (id or exact title)</source>
        <translation>un archivo ZIP, una carpeta de paquete o un curso de la biblioteca (id o título exacto)</translation>
    </message>
    <message>
        <source>print the full report as JSON</source>
        <translation>mostrar el informe completo en JSON</translation>
    </message>
    <message>
        <source>also write the report as a self-contained HTML page</source>
        <translation>escribir también el informe como una página HTML autónoma</translation>
    </message>
    <message>
        <source>exit 1 for warnings too, not only for broken packages</source>
        <translation>salir con 1 también por avisos, no solo por paquetes rotos</translation>
    </message>
    <message>
        <source>an item waits for the learner after S seconds without an API call or navigation (default {0:g})</source>
        <translation>un elemento espera al alumno tras S segundos sin llamada a la API ni navegación (por defecto {0:g})</translation>
    </message>
    <message>
        <source>items run at once, each in its own offscreen player (default 24; most of a run is waiting)</source>
        <translation>elementos ejecutados a la vez, cada uno en su propio reproductor fuera de pantalla (por defecto 24; una ejecución consiste sobre todo en esperar)</translation>
    </message>
    <message>
        <source>validate the packages only; run no item</source>
        <translation>solo validar los paquetes; no ejecutar ningún elemento</translation>
    </message>
    <message>
        <source>error: &apos;{0}&apos; is neither a package (a ZIP file or a folder) nor a course in the library.</source>
        <translation>error: «{0}» no es ni un paquete (un archivo ZIP o una carpeta) ni un curso de la biblioteca.</translation>
    </message>
    <message>
        <source>error: --idle must be more than 0 seconds and --jobs at least 1.</source>
        <translation>error: --idle debe ser mayor que 0 segundos y --jobs al menos 1.</translation>
    </message>
    <message>
        <source>error: cannot write {0}: {1}</source>
        <translation>error: no se puede escribir {0}: {1}</translation>
    </message>
    <message>
        <source>list the learners on this computer</source>
        <translation>listar los alumnos de este ordenador</translation>
    </message>
    <message>
        <source>add, rename or remove a learner, or set their PIN</source>
        <translation>añadir, renombrar o eliminar un alumno, o definir su PIN</translation>
    </message>
    <message>
        <source>add a learner</source>
        <translation>añadir un alumno</translation>
    </message>
    <message>
        <source>ask for a PIN (read from stdin when not a terminal)</source>
        <translation>pedir un PIN (se lee de stdin si no es un terminal)</translation>
    </message>
    <message>
        <source>rename a learner (their records and id stay)</source>
        <translation>renombrar un alumno (sus registros y su id se mantienen)</translation>
    </message>
    <message>
        <source>remove a learner and their records on this computer</source>
        <translation>eliminar un alumno y sus registros en este ordenador</translation>
    </message>
    <message>
        <source>confirm: their records here are deleted</source>
        <translation>confirmar: se eliminan sus registros en este ordenador</translation>
    </message>
    <message>
        <source>set a learner&apos;s PIN (empty to remove it)</source>
        <translation>definir el PIN de un alumno (vacío para quitarlo)</translation>
    </message>
    <message>
        <source>the attempt history of a learner on a course</source>
        <translation>el historial de intentos de un alumno en un curso</translation>
    </message>
    <message>
        <source>start a course afresh for a learner (the old attempt is kept in history)</source>
        <translation>empezar un curso de nuevo para un alumno (el intento anterior se conserva en el historial)</translation>
    </message>
    <message>
        <source>confirm</source>
        <translation>confirmar</translation>
    </message>
    <message>
        <source>error: there is no learner named &apos;{0}&apos; (see: scorm-desktop learners)</source>
        <translation>error: no hay ningún alumno llamado «{0}» (vea: scorm-desktop learners)</translation>
    </message>
    <message>
        <source>No learners yet. Add one with: scorm-desktop learner add NAME</source>
        <translation>Todavía no hay alumnos. Añada uno con: scorm-desktop learner add NOMBRE</translation>
    </message>
    <message>
        <source>{0}  (PIN)</source>
        <translation>{0}  (PIN)</translation>
    </message>
    <message>
        <source>PIN for the new learner: </source>
        <translation>PIN del nuevo alumno: </translation>
    </message>
    <message>
        <source>removing &apos;{0}&apos; deletes their records on this computer; add --yes to confirm</source>
        <translation>eliminar a «{0}» borra sus registros en este ordenador; añada --yes para confirmar</translation>
    </message>
    <message>
        <source>New PIN for {0} (empty: none): </source>
        <translation>Nuevo PIN para {0} (vacío: ninguno): </translation>
    </message>
    <message>
        <source>Nobody has started &apos;{0}&apos; yet.</source>
        <translation>Nadie ha empezado todavía «{0}».</translation>
    </message>
    <message>
        <source>{0} has not started &apos;{1}&apos;.</source>
        <translation>{0} no ha empezado «{1}».</translation>
    </message>
    <message>
        <source>attempt {0}: {1}, started {2}, last {3}</source>
        <translation>intento {0}: {1}, empezado el {2}, última actividad el {3}</translation>
    </message>
    <message>
        <source>attempt {0}: {1}, score {2:.0f}%, started {3}, last {4}</source>
        <translation>intento {0}: {1}, puntuación {2:.0f} %, empezado el {3}, última actividad el {4}</translation>
    </message>
    <message>
        <source>this starts &apos;{0}&apos; afresh for {1} (the current attempt stays in the history); add --yes to confirm</source>
        <translation>esto empieza «{0}» de nuevo para {1} (el intento actual queda en el historial); añada --yes para confirmar</translation>
    </message>
    <message>
        <source>this starts &apos;{0}&apos; afresh (the current attempt stays in the history); add --yes to confirm</source>
        <translation>esto empieza «{0}» de nuevo (el intento actual queda en el historial); añada --yes para confirmar</translation>
    </message>
    <message>
        <source>attempt {0} of &apos;{1}&apos; for {2} starts at the next launch</source>
        <translation>el intento {0} de «{1}» para {2} empieza en el próximo lanzamiento</translation>
    </message>
    <message>
        <source>convert course videos and audio the player cannot decode (H.264, AAC) to WebM</source>
        <translation>convertir a WebM los vídeos y audios de los cursos que el reproductor no puede decodificar (H.264, AAC)</translation>
    </message>
    <message>
        <source>course id (or exact title); default: every course</source>
        <translation>id del curso (o título exacto); por defecto: todos los cursos</translation>
    </message>
    <message>
        <source>convert in the foreground and wait until done</source>
        <translation>convertir en primer plano y esperar a que termine</translation>
    </message>
    <message>
        <source>also take files whose conversion was cancelled or failed</source>
        <translation>incluir también los archivos cuya conversión se canceló o falló</translation>
    </message>
    <message>
        <source>print one JSON object per course</source>
        <translation>mostrar un objeto JSON por curso</translation>
    </message>
    <message>
        <source>warning: the media of &apos;{0}&apos; could not be checked: {1}</source>
        <translation>aviso: no se pudieron comprobar los medios de «{0}»: {1}</translation>
    </message>
    <message>
        <source>note: &apos;{0}&apos; is being converted by another process</source>
        <translation>nota: otro proceso está convirtiendo «{0}»</translation>
    </message>
    <message>
        <source>interrupted: what was converted is kept; run the command again to go on</source>
        <translation>interrumpido: lo convertido se conserva; vuelva a ejecutar el comando para continuar</translation>
    </message>
    <message>
        <source>converting the media of {0} in the background (process {1})</source>
        <translation>conversión de los medios de {0} en segundo plano (proceso {1})</translation>
    </message>
    <message>
        <source>{0} course</source>
        <translation>{0} curso</translation>
    </message>
    <message>
        <source>{0} courses</source>
        <translation>{0} cursos</translation>
    </message>
    <message>
        <source>pending</source>
        <extracomment>A media file&apos;s conversion state as the listing words it (called when printed, in the learner&apos;s language).</extracomment>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>converting</source>
        <translation>convirtiendo</translation>
    </message>
    <message>
        <source>converted</source>
        <translation>convertido</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>error</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>{0}  {1}: all media play as they are</source>
        <translation>{0}  {1}: todos los medios se reproducen tal cual</translation>
    </message>
    <message>
        <source>{0}  {1}: {2} of {3} converted ({4:.0%})</source>
        <translation>{0}  {1}: {2} de {3} convertidos ({4:.0%})</translation>
    </message>
    <message>
        <source>{0}: {1} {2} {3:.0%}</source>
        <translation>{0}: {1} {2} {3:.0%}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of seconds</source>
        <extracomment>The longest time limit a timer can hold (2**31 - 1 ms, about 24 days).</extracomment>
        <translation>«{0}» no es un número de segundos</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of seconds from 0 to {1}</source>
        <translation>«{0}» no es un número de segundos de 0 a {1}</translation>
    </message>
    <message>
        <source>play a course (in a window, or headless with --headless)</source>
        <translation>reproducir un curso (en una ventana, o sin interfaz con --headless)</translation>
    </message>
    <message>
        <source>course id (or exact title)</source>
        <translation>id del curso (o título exacto)</translation>
    </message>
    <message>
        <source>learner name (created if new)</source>
        <translation>nombre del alumno (se crea si es nuevo)</translation>
    </message>
    <message>
        <source>the item to launch (default: resume point or first)</source>
        <translation>el elemento que lanzar (por defecto: punto de reanudación o el primero)</translation>
    </message>
    <message>
        <source>default: review when the SCO&apos;s last attempt ended complete, else normal; normal after an ended attempt starts a new attempt</source>
        <translation>por defecto: review cuando el último intento del SCO terminó completado, si no normal; normal tras un intento terminado empieza un intento nuevo</translation>
    </message>
    <message>
        <source>no window: play offscreen until the content ends</source>
        <translation>sin ventana: reproducir fuera de pantalla hasta que termine el contenido</translation>
    </message>
    <message>
        <source>headless time limit</source>
        <translation>límite de tiempo sin interfaz</translation>
    </message>
    <message>
        <source>headless: stop (exit 4) when the content waits for a learner this long (0: never)</source>
        <translation>sin interfaz: detenerse (código 4) cuando el contenido espera a un alumno durante este tiempo (0: nunca)</translation>
    </message>
    <message>
        <source>write every API call as a JSON line to FILE</source>
        <translation>escribir cada llamada a la API como una línea JSON en FILE</translation>
    </message>
    <message>
        <source>trainer preview: browse mode, no credit, never synced (clear with clear-preview)</source>
        <translation>vista previa del formador: modo browse, sin crédito, nunca sincronizada (se borra con clear-preview)</translation>
    </message>
    <message>
        <source>delete every trainer preview record in one action</source>
        <translation>eliminar de una vez todos los registros de vista previa del formador</translation>
    </message>
    <message>
        <source>the API log {0} cannot be written ({1})</source>
        <translation>no se puede escribir el registro de API {0} ({1})</translation>
    </message>
    <message>
        <source>course {0} ({1}) was removed from the library; import its package again to play it</source>
        <translation>el curso {0} ({1}) se quitó de la biblioteca; importe de nuevo su paquete para reproducirlo</translation>
    </message>
    <message>
        <source>the files of course {0} ({1}) are missing; import its package again</source>
        <translation>faltan los archivos del curso {0} ({1}); importe de nuevo su paquete</translation>
    </message>
    <message>
        <source>course {0} ({1}) has no item that can be launched</source>
        <translation>el curso {0} ({1}) no tiene ningún elemento que se pueda lanzar</translation>
    </message>
    <message>
        <source>course {0} has no item &apos;{1}&apos; to launch (its items: {2})</source>
        <translation>el curso {0} no tiene ningún elemento «{1}» que lanzar (sus elementos: {2})</translation>
    </message>
    <message>
        <source>cleared {0} preview attempt</source>
        <translation>{0} intento de vista previa borrado</translation>
    </message>
    <message>
        <source>cleared {0} preview attempts</source>
        <translation>{0} intentos de vista previa borrados</translation>
    </message>
    <message>
        <source>send the learning records (xAPI statements) to the LRS</source>
        <translation>enviar los registros de aprendizaje (declaraciones xAPI) al LRS</translation>
    </message>
    <message>
        <source>the LRS&apos;s xAPI base URL, the part before &apos;statements&apos;</source>
        <translation>la URL base xAPI del LRS, la parte anterior a «statements»</translation>
    </message>
    <message>
        <source>basic-auth user (password: ${0}, keyring, file)</source>
        <translation>usuario basic-auth (contraseña: ${0}, llavero, archivo)</translation>
    </message>
    <message>
        <source>only say what would be sent</source>
        <translation>decir solo lo que se enviaría</translation>
    </message>
    <message>
        <source>print the report as one JSON object</source>
        <translation>mostrar el informe como un único objeto JSON</translation>
    </message>
    <message>
        <source>give up waiting for the LRS after this long in all (default: sync.max_wait, 120); nothing is lost</source>
        <translation>dejar de esperar al LRS tras este tiempo en total (por defecto: sync.max_wait, 120); no se pierde nada</translation>
    </message>
    <message>
        <source>queue the statements the LRS refused as invalid again</source>
        <translation>volver a poner en cola las declaraciones que el LRS rechazó por no válidas</translation>
    </message>
    <message>
        <source>read the LRS password from stdin (or a prompt) and keep it in the system keyring (or a private file) for this endpoint and user; --endpoint/--username given with it are saved in the settings; sends nothing</source>
        <translation>leer la contraseña del LRS de stdin (o de una solicitud) y guardarla en el llavero del sistema (o en un archivo privado) para este punto de acceso y usuario; --endpoint/--username indicados con ella se guardan en los ajustes; no envía nada</translation>
    </message>
    <message>
        <source>write the records not yet sent to a signed file (USB)</source>
        <translation>escribir los registros aún no enviados en un archivo firmado (USB)</translation>
    </message>
    <message>
        <source>queue the records of a file from another device for sync</source>
        <translation>poner en cola de sincronización los registros de un archivo de otro dispositivo</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of seconds (0 or more)</source>
        <translation>«{0}» no es un número de segundos (0 o más)</translation>
    </message>
    <message>
        <source>No LRS endpoint is set: give one with --endpoint or in settings.json (sync.endpoint).</source>
        <translation>No hay ningún punto de acceso LRS definido: indique uno con --endpoint o en settings.json (sync.endpoint).</translation>
    </message>
    <message>
        <source>warning: no password for {0} (set {1} or store one)</source>
        <translation>aviso: no hay contraseña para {0} (defina {1} o guarde una)</translation>
    </message>
    <message>
        <source>error: the password belongs to an endpoint and a user: give --endpoint and --username (or set sync.endpoint and sync.username in settings.json).</source>
        <translation>error: la contraseña pertenece a un punto de acceso y a un usuario: indique --endpoint y --username (o defina sync.endpoint y sync.username en settings.json).</translation>
    </message>
    <message>
        <source>LRS password for {0} at {1}: </source>
        <translation>Contraseña del LRS para {0} en {1}: </translation>
    </message>
    <message>
        <source>error: no password given; nothing was stored.</source>
        <translation>error: no se ha indicado ninguna contraseña; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <source>{0} (readable by you only; no keyring is available)</source>
        <translation>{0} (solo usted puede leerlo; no hay ningún llavero disponible)</translation>
    </message>
    <message>
        <source>stored the password for {0} at {1} in {2}</source>
        <translation>contraseña de {0} en {1} guardada en {2}</translation>
    </message>
    <message>
        <source>{0} statement</source>
        <translation>{0} declaración</translation>
    </message>
    <message>
        <source>{0} statements</source>
        <translation>{0} declaraciones</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} documento</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} documentos</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>(ningún punto de acceso)</translation>
    </message>
    <message>
        <source>would send {0} and {1} to {2}</source>
        <translation>se enviarían {0} y {1} a {2}</translation>
    </message>
    <message>
        <source>sent {0} and {1} to {2}</source>
        <translation>enviado a {2}: {0} y {1}</translation>
    </message>
    <message>
        <source>refused in all: {0}, {1} quarantined</source>
        <translation>rechazadas en total: {0}, {1} en cuarentena</translation>
    </message>
    <message>
        <source>{0} conflict</source>
        <translation>{0} conflicto</translation>
    </message>
    <message>
        <source>{0} conflicts</source>
        <translation>{0} conflictos</translation>
    </message>
    <message>
        <source>still pending: {0} (and {1})</source>
        <translation>aún pendientes: {0} (y {1})</translation>
    </message>
    <message>
        <source>wrote {0} and {1} to {2} (device {3}, key {4})</source>
        <translation>escrito en {2}: {0} y {1} (dispositivo {3}, clave {4})</translation>
    </message>
    <message>
        <source>queued {0} of {1} from device {2} (key {3}, first seen now); {4} already known; {5} of {6} queued</source>
        <translation>en cola: {0} de {1} del dispositivo {2} (clave {3}, visto por primera vez); {4} ya conocidas; en cola: {5} de {6}</translation>
    </message>
    <message>
        <source>queued {0} of {1} from device {2} (key {3}); {4} already known; {5} of {6} queued</source>
        <translation>en cola: {0} de {1} del dispositivo {2} (clave {3}); {4} ya conocidas; en cola: {5} de {6}</translation>
    </message>
    <message>
        <source>stored at the LRS in all: {0}</source>
        <translation>guardadas en el LRS en total: {0}</translation>
    </message>
    <message>
        <source>refused ({0}): {1}: {2}</source>
        <translation>rechazada ({0}): {1}: {2}</translation>
    </message>
    <message>
        <source>documents refused in all: {0} quarantined</source>
        <translation>documentos rechazados en total: {0} en cuarentena</translation>
    </message>
    <message>
        <source>still pending: {0}</source>
        <translation>aún pendientes: {0}</translation>
    </message>
    <message>
        <source>error: &apos;{0}&apos; could not be written ({1}).</source>
        <translation>error: no se pudo escribir «{0}» ({1}).</translation>
    </message>
    <message>
        <source>error: &apos;{0}&apos; could not be read ({1}).</source>
        <translation>error: no se pudo leer «{0}» ({1}).</translation>
    </message>
    <message>
        <source>exempt a learner from an AU of a cmi5 course (records &apos;waived&apos;; the course may be satisfied)</source>
        <translation>eximir a un alumno de una AU de un curso cmi5 (registra «waived»; el curso puede quedar satisfecho)</translation>
    </message>
    <message>
        <source>the course&apos;s id or title</source>
        <translation>el id o el título del curso</translation>
    </message>
    <message>
        <source>the AU&apos;s id (from cmi5.xml) or its title</source>
        <translation>el id de la AU (de cmi5.xml) o su título</translation>
    </message>
    <message>
        <source>the learner to exempt</source>
        <translation>el alumno que eximir</translation>
    </message>
    <message>
        <source>why, as cmi5 names it (default: Administrative)</source>
        <translation>por qué, como lo llama cmi5 (por defecto: Administrative)</translation>
    </message>
    <message>
        <source>print the outcome as one JSON object</source>
        <translation>mostrar el resultado como un único objeto JSON</translation>
    </message>
    <message>
        <source>error: there is no learner named &apos;{0}&apos;</source>
        <translation>error: no hay ningún alumno llamado «{0}»</translation>
    </message>
    <message>
        <source>{0} is exempted from &apos;{1}&apos; ({2}); the course is now {3}.</source>
        <translation>{0} queda eximido/a de «{1}» ({2}); el curso está ahora {3}.</translation>
    </message>
    <message>
        <source>LEARNER</source>
        <translation>ALUMNO</translation>
    </message>
    <message>
        <source>COURSE</source>
        <translation>CURSO</translation>
    </message>
    <message>
        <source>ATTEMPT</source>
        <translation>INTENTO</translation>
    </message>
    <message>
        <source>SCO</source>
        <translation>SCO</translation>
    </message>
    <message>
        <source>SCORE</source>
        <translation>PUNT.</translation>
    </message>
    <message>
        <source>PROGRESS</source>
        <translation>PROGRESO</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIEMPO</translation>
    </message>
    <message>
        <source>LAST ACTIVITY</source>
        <translation>ÚLTIMA ACTIVIDAD</translation>
    </message>
    <message>
        <source>{0} ({1}, {2} KiB)</source>
        <extracomment>Daily copies kept; copies taken before a schema upgrade are always kept.</extracomment>
        <translation>{0} ({1}, {2} KiB)</translation>
    </message>
    <message>
        <source>daily</source>
        <extracomment>A database a restore replaced, kept beside the backups folder: `library.sqlite3.replaced-&lt;UTC time&gt;[-n]`.</extracomment>
        <translation>diaria</translation>
    </message>
    <message>
        <source>replaced by a restore</source>
        <translation>reemplazada por una restauración</translation>
    </message>
    <message>
        <source>before schema {0}</source>
        <translation>antes del esquema {0}</translation>
    </message>
    <message>
        <source>The backup {0} is damaged and cannot be restored.</source>
        <translation>La copia de seguridad {0} está dañada y no se puede restaurar.</translation>
    </message>
    <message>
        <source>The library database was damaged, so the backup from {0} was restored. Anything recorded after that backup is not in the library; the damaged file was kept as {1} in {2}.</source>
        <extracomment>Left in the data folder when the database was replaced at start: `Library.tidy` then re-attaches the course folders the restored (or new) database does not know, and removes the marker.</extracomment>
        <translation>La base de datos de la biblioteca estaba dañada, así que se restauró la copia de seguridad del {0}. Lo registrado después de esa copia no está en la biblioteca; el archivo dañado se conservó como {1} en {2}.</translation>
    </message>
    <message>
        <source>The library database was damaged and no usable backup was found, so a new, empty library was started. The damaged file was kept as {0} in {1}.</source>
        <translation>La base de datos de la biblioteca estaba dañada y no se encontró ninguna copia de seguridad utilizable, así que se creó una biblioteca nueva y vacía. El archivo dañado se conservó como {0} en {1}.</translation>
    </message>
    <message>
        <source>The empty file was kept as {0} in {1}.</source>
        <translation>El archivo vacío se conservó como {0} en {1}.</translation>
    </message>
    <message>
        <source>The library database was missing, so the backup from {0} was restored. Anything recorded after that backup is not in the library; courses imported since are put back in it.</source>
        <translation>Faltaba la base de datos de la biblioteca, así que se restauró la copia de seguridad del {0}. Lo registrado después de esa copia no está en la biblioteca; los cursos importados desde entonces se vuelven a añadir.</translation>
    </message>
    <message>
        <source>The library database was empty, so the backup from {0} was restored. Anything recorded after that backup is not in the library; courses imported since are put back in it.</source>
        <translation>La base de datos de la biblioteca estaba vacía, así que se restauró la copia de seguridad del {0}. Lo registrado después de esa copia no está en la biblioteca; los cursos importados desde entonces se vuelven a añadir.</translation>
    </message>
    <message>
        <source>The library database was missing and no usable backup was found, so a new library was started.</source>
        <translation>Faltaba la base de datos de la biblioteca y no se encontró ninguna copia de seguridad utilizable, así que se creó una biblioteca nueva.</translation>
    </message>
    <message>
        <source>The library database was empty and no usable backup was found, so a new library was started.</source>
        <translation>La base de datos de la biblioteca estaba vacía y no se encontró ninguna copia de seguridad utilizable, así que se creó una biblioteca nueva.</translation>
    </message>
    <message>
        <source>The course found in the data folder is put back in it, without its learners&apos; records.</source>
        <translation>El curso encontrado en la carpeta de datos se vuelve a añadir, sin los registros de sus alumnos.</translation>
    </message>
    <message>
        <source>The {0} courses found in the data folder are put back in it, without their learners&apos; records.</source>
        <translation>Los {0} cursos encontrados en la carpeta de datos se vuelven a añadir, sin los registros de sus alumnos.</translation>
    </message>
    <message>
        <source>A backup waits to be restored, but SCORM Desktop is using this data folder now (process {0}); nothing was changed. It is restored at the next start with no other process using it.</source>
        <translation>Hay una copia de seguridad pendiente de restaurar, pero SCORM Desktop está usando esta carpeta de datos ahora (proceso {0}); no se ha cambiado nada. Se restaurará en el próximo inicio en que ningún otro proceso la use.</translation>
    </message>
    <message>
        <source>A request to restore a backup could not be read and was ignored.</source>
        <translation>No se pudo leer una solicitud de restaurar una copia de seguridad y se ha ignorado.</translation>
    </message>
    <message>
        <source>The backup {0} chosen for restoring no longer exists; nothing was changed.</source>
        <translation>La copia de seguridad {0} elegida para restaurar ya no existe; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The library as it was before is kept as {0}.</source>
        <translation>La biblioteca tal como estaba antes se conserva como {0}.</translation>
    </message>
    <message>
        <source>The library was restored from the backup of {0}.</source>
        <translation>La biblioteca se restauró desde la copia de seguridad del {0}.</translation>
    </message>
    <message>
        <source>Read from the LRS on {0} · SCORM Desktop</source>
        <translation>Leído del LRS el {0} · SCORM Desktop</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dispositivo</translation>
    </message>
    <message>
        <source>launches</source>
        <translation>lanzamientos</translation>
    </message>
    <message>
        <source>learners</source>
        <translation>alumnos</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completados</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobados</translation>
    </message>
    <message>
        <source>average score</source>
        <translation>puntuación media</translation>
    </message>
    <message>
        <source>last launch</source>
        <translation>último lanzamiento</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>faltan</translation>
    </message>
    <message>
        <source>Dispatch {0} (revoked)</source>
        <translation>Envío {0} (revocado)</translation>
    </message>
    <message>
        <source>Dispatch {0}</source>
        <translation>Envío {0}</translation>
    </message>
    <message>
        <source>all devices</source>
        <translation>todos los dispositivos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{0} (device number {1} and {2} more before it)</source>
        <translation>{0} (número de dispositivo {1}, y {2} más antes de él)</translation>
    </message>
    <message>
        <source>{0} (device number {1})</source>
        <translation>{0} (número de dispositivo {1})</translation>
    </message>
    <message>
        <source>{0} (device numbers {1} and {2} more before them)</source>
        <translation>{0} (números de dispositivo {1}, y {2} más antes de ellos)</translation>
    </message>
    <message>
        <source>{0} (device numbers {1})</source>
        <translation>{0} (números de dispositivo {1})</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>Verdicts, best first. An item&apos;s verdict when only the package was checked (`check --static`) and the item has no finding of its own. Finding levels: an error breaks the item or package, a warning is worth fixing, a note is for information.</extracomment>
        <translation>correcto</translation>
    </message>
    <message>
        <source>works with warnings</source>
        <translation>funciona con advertencias</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>roto</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>no ejecutado</translation>
    </message>
    <message>
        <source>It needs the internet ({0}); offline: {1}</source>
        <extracomment>A short stable kind, e.g. &quot;schema&quot;, &quot;missing-file&quot;, &quot;case-mismatch&quot;, &quot;api-error&quot;, &quot;internet&quot;, &quot;waits&quot;. One sentence for a person. Extra data for machines (a path, an element and error code, a URL...). &quot;sco&quot; or &quot;asset&quot;. What the unattended run observed (see runtime.RunObservation.to_dict), or None when it was not run.</extracomment>
        <translation>Necesita internet ({0}); sin conexión: {1}</translation>
    </message>
    <message>
        <source>Not run: only the package was checked.</source>
        <translation>No ejecutado: solo se comprobó el paquete.</translation>
    </message>
    <message>
        <source>The asset loads without errors.</source>
        <translation>El recurso se carga sin errores.</translation>
    </message>
    <message>
        <source>Initialized and waits for the learner after {0} API calls.</source>
        <translation>Se inicializó y espera al alumno tras {0} llamadas a la API.</translation>
    </message>
    <message>
        <source>Found the API, initialized, set a status and terminated without errors.</source>
        <translation>Encontró la API, se inicializó, fijó un estado y terminó sin errores.</translation>
    </message>
    <message>
        <source>Item “{0}”: {1} ({2})</source>
        <translation>Elemento «{0}»: {1} ({2})</translation>
    </message>
    <message>
        <source>{0} more item broken</source>
        <translation>{0} elemento roto más</translation>
    </message>
    <message>
        <source>{0} more items broken</source>
        <translation>{0} elementos rotos más</translation>
    </message>
    <message>
        <source>The manifest is valid and its item ran without errors.</source>
        <translation>El manifiesto es válido y su elemento se ejecutó sin errores.</translation>
    </message>
    <message>
        <source>The manifest is valid and all {0} items ran without errors.</source>
        <translation>El manifiesto es válido y sus {0} elementos se ejecutaron sin errores.</translation>
    </message>
    <message>
        <source>The manifest is valid; {0} of its {1} items ran, without errors.</source>
        <translation>El manifiesto es válido; se ejecutaron {0} de sus {1} elementos, sin errores.</translation>
    </message>
    <message>
        <source>{0} (and {1})</source>
        <translation>{0} (y {1})</translation>
    </message>
    <message>
        <source>{0} more error</source>
        <translation>{0} error más</translation>
    </message>
    <message>
        <source>{0} more errors</source>
        <translation>{0} errores más</translation>
    </message>
    <message>
        <source>{0} more warning</source>
        <translation>{0} advertencia más</translation>
    </message>
    <message>
        <source>{0} more warnings</source>
        <translation>{0} advertencias más</translation>
    </message>
    <message>
        <source>“{0}” ({1}), {2}, checked in {3} s</source>
        <translation>«{0}» ({1}), {2}, comprobado en {3} s</translation>
    </message>
    <message>
        <source>{0} item</source>
        <translation>{0} elemento</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>{0} elementos</translation>
    </message>
    <message>
        <source>Item “{0}”: {1}</source>
        <translation>Elemento «{0}»: {1}</translation>
    </message>
    <message>
        <source>The manifest is valid.</source>
        <translation>El manifiesto es válido.</translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation>advertencia: {0}</translation>
    </message>
    <message>
        <source>{0}: {1} — {2}</source>
        <translation>{0}: {1} — {2}</translation>
    </message>
    <message>
        <source>item {0} “{1}” ({2}): {3} — {4}</source>
        <translation>elemento {0} «{1}» ({2}): {3} — {4}</translation>
    </message>
    <message>
        <source>The manifest defines no organization (no table of contents): most LMSs refuse it; SCORM Desktop builds one from its resources.</source>
        <extracomment>The parsed manifest, or None when the package cannot be read at all. The package can be imported and its items run.</extracomment>
        <translation>El manifiesto no define ninguna organización (no hay índice): la mayoría de los LMS lo rechazan; SCORM Desktop construye una a partir de sus recursos.</translation>
    </message>
    <message>
        <source>The manifest uses xml:base to locate resources.</source>
        <translation>El manifiesto usa xml:base para situar los recursos.</translation>
    </message>
    <message>
        <source>The manifest contains sub-manifests, which few LMSs support.</source>
        <translation>El manifiesto contiene submanifiestos, que pocos LMS admiten.</translation>
    </message>
    <message>
        <source>Some items pass launch parameters (the item&apos;s parameters attribute).</source>
        <translation>Algunos elementos pasan parámetros de lanzamiento (el atributo parameters del elemento).</translation>
    </message>
    <message>
        <source>Some items have SCORM 1.2 prerequisites: they open once others are done.</source>
        <translation>Algunos elementos tienen prerrequisitos de SCORM 1.2: se abren cuando otros se han terminado.</translation>
    </message>
    <message>
        <source>Some items have a time limit action.</source>
        <translation>Algunos elementos tienen una acción al agotarse el tiempo.</translation>
    </message>
    <message>
        <source>Some items give launch data to their SCO (dataFromLMS).</source>
        <translation>Algunos elementos dan datos de lanzamiento a su SCO (dataFromLMS).</translation>
    </message>
    <message>
        <source>Some items are invisible in the table of contents (isvisible=&quot;false&quot;).</source>
        <translation>Algunos elementos no se ven en el índice (isvisible=&quot;false&quot;).</translation>
    </message>
    <message>
        <source>The course randomizes the order or selection of some activities.</source>
        <translation>El curso reordena o selecciona al azar algunas actividades.</translation>
    </message>
    <message>
        <source>Global objectives are kept per course attempt (objectivesGlobalToSystem=&quot;false&quot;).</source>
        <translation>Los objetivos globales se conservan por intento del curso (objectivesGlobalToSystem=&quot;false&quot;).</translation>
    </message>
    <message>
        <source>It terminated without setting a completion or success status.</source>
        <extracomment>Elements whose setting is a status (SCORM 1.2 and 2004). How many findings of one kind an item lists one by one. &quot;terminated&quot;, &quot;waits&quot;, &quot;no-api&quot;, &quot;busy&quot; (still calling at the time limit), &quot;failed&quot;, or &quot;not run&quot;.</extracomment>
        <translation>Terminó sin fijar un estado de finalización ni de aprobación.</translation>
    </message>
    <message>
        <source>The content waits for a learner after {0}: no call and no navigation for {1} s.</source>
        <extracomment>Seconds without an API call or a navigation after which content is taken to wait for a learner.</extracomment>
        <translation>El contenido espera a un alumno tras {0}: ninguna llamada ni navegación durante {1} s.</translation>
    </message>
    <message>
        <source>{0} API call</source>
        <translation>{0} llamada a la API</translation>
    </message>
    <message>
        <source>{0} API calls</source>
        <translation>{0} llamadas a la API</translation>
    </message>
    <message>
        <source>{0} course session was still open when SCORM Desktop last stopped; what the learner did was kept and they resume where they left off.</source>
        <extracomment>Sentences for the user about what happened while opening (a damaged database restored, ...).</extracomment>
        <translation>{0} sesión de curso seguía abierta cuando SCORM Desktop se detuvo por última vez; lo que hizo el alumno se ha conservado y continuará donde lo dejó.</translation>
    </message>
    <message>
        <source>{0} course sessions were still open when SCORM Desktop last stopped; what the learners did was kept and they resume where they left off.</source>
        <translation>{0} sesiones de curso seguían abiertas cuando SCORM Desktop se detuvo por última vez; lo que hicieron los alumnos se ha conservado y continuarán donde lo dejaron.</translation>
    </message>
</context>
<context>
    <name>ApiLogModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumentos</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ApiLogPanel</name>
    <message>
        <source>SCORM API log</source>
        <translation>Registro de la API SCORM</translation>
    </message>
    <message>
        <source>SCORM API calls</source>
        <translation>Llamadas a la API SCORM</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check a course — {0}</source>
        <translation>Comprobar un curso — {0}</translation>
    </message>
    <message>
        <source>Checking {0}: validating the package, then running every item…</source>
        <translation>Comprobando {0}: se valida el paquete y después se ejecuta cada elemento…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Guardar el informe…</translation>
    </message>
    <message>
        <source>{0}: {1} — {2}</source>
        <translation>{0}: {1} — {2}</translation>
    </message>
    <message>
        <source>The check could not run: {0}</source>
        <translation>No se pudo realizar la comprobación: {0}</translation>
    </message>
    <message>
        <source>Save the check report</source>
        <translation>Guardar el informe de comprobación</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <source>Report saved to {0}.</source>
        <translation>Informe guardado en {0}.</translation>
    </message>
    <message>
        <source>The report could not be saved: {0}</source>
        <translation>No se pudo guardar el informe: {0}</translation>
    </message>
    <message>
        <source>Check a course package</source>
        <translation>Comprobar un paquete de curso</translation>
    </message>
</context>
<context>
    <name>CheckRunner</name>
    <message numerus="yes">
        <source>{0}: running %n item(s)…</source>
        <extracomment>An asset has nothing to wait for: it is done once nothing has loaded for this long (or `idle`, when shorter). Schemes that leave the package for a network. Requests the app&apos;s rules blocked besides the internet (file:, other schemes, other courses): url → why. The longest one item may run while it keeps calling the API. Set by `close()`: a running import stops at its next step (it may take minutes on a large package).</extracomment>
        <translation>
            <numerusform>{0}: ejecutando %n elemento…</numerusform>
            <numerusform>{0}: ejecutando %n elementos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseDetailsDialog</name>
    <message>
        <source>Course details</source>
        <translation>Detalles del curso</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Standard:</source>
        <translation>Estándar:</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identificador:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Elementos:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importado:</translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation>Archivo de origen:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avisos:</translation>
    </message>
    <message>
        <source>opens it for review (nothing changes)</source>
        <translation>lo abre para revisarlo (no cambia nada)</translation>
    </message>
    <message>
        <source>starts a new attempt (the old one stays in history)</source>
        <translation>inicia un nuevo intento (el anterior queda en el historial)</translation>
    </message>
    <message>
        <source>What opening this course does once it is completed</source>
        <translation>Qué hace abrir este curso una vez completado</translation>
    </message>
    <message>
        <source>Once completed, a launch:</source>
        <translation>Una vez completado, abrirlo:</translation>
    </message>
    <message>
        <source>Allow internet access</source>
        <translation>Permitir el acceso a Internet</translation>
    </message>
    <message>
        <source>Off (recommended): the course&apos;s pages cannot reach any web address; everything they need is in the package. On: they may load pages, videos and data from the internet, and send data there.</source>
        <translation>Desactivado (recomendado): las páginas del curso no pueden acceder a ninguna dirección web; todo lo que necesitan está en el paquete. Activado: pueden cargar páginas, vídeos y datos de Internet, y enviar datos allí.</translation>
    </message>
    <message>
        <source>Internet:</source>
        <translation>Internet:</translation>
    </message>
    <message>
        <source>Links to web sites always open in your browser, after you confirm the address.</source>
        <translation>Los enlaces a sitios web se abren siempre en su navegador, después de que confirme la dirección.</translation>
    </message>
    <message>
        <source>1 item, a SCO</source>
        <translation>1 elemento, un SCO</translation>
    </message>
    <message>
        <source>1 item, an asset</source>
        <translation>1 elemento, un recurso</translation>
    </message>
    <message>
        <source>{0} items, all SCOs</source>
        <translation>{0} elementos, todos SCO</translation>
    </message>
    <message>
        <source>{0} items, all assets</source>
        <translation>{0} elementos, todos recursos</translation>
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
        <translation>1 recurso</translation>
    </message>
    <message>
        <source>{0} assets</source>
        <translation>{0} recursos</translation>
    </message>
    <message>
        <source>{0} items: {1}</source>
        <translation>{0} elementos: {1}</translation>
    </message>
</context>
<context>
    <name>CourseTab</name>
    <message>
        <source>Search courses (Ctrl+L)</source>
        <translation>Buscar cursos (Ctrl+L)</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Buscar cursos</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cursos</translation>
    </message>
    <message>
        <source>Choose the course whose learners the table lists</source>
        <translation>Elija el curso cuyos alumnos muestra la tabla</translation>
    </message>
    <message>
        <source>Choose a course</source>
        <translation>Elija un curso</translation>
    </message>
    <message>
        <source>learners</source>
        <translation>alumnos</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminados</translation>
    </message>
    <message>
        <source>average progress</source>
        <translation>progreso medio</translation>
    </message>
    <message>
        <source>average score</source>
        <translation>puntuación media</translation>
    </message>
    <message>
        <source>total time</source>
        <translation>tiempo total</translation>
    </message>
    <message>
        <source>started</source>
        <translation>iniciado</translation>
    </message>
    <message>
        <source>Learners by status</source>
        <translation>Alumnos por estado</translation>
    </message>
    <message>
        <source>Learners by status (chart)</source>
        <translation>Alumnos por estado (gráfico)</translation>
    </message>
    <message>
        <source>Filter learners by name (Ctrl+F)</source>
        <translation>Filtrar alumnos por nombre (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter learners by name</source>
        <translation>Filtrar alumnos por nombre</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Learners of the course</source>
        <translation>Alumnos del curso</translation>
    </message>
    <message numerus="yes">
        <source>{0:,} of %Ln course(s)</source>
        <translation>
            <numerusform>{0:,} de %Ln curso</numerusform>
            <numerusform>{0:,} de %Ln cursos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln course(s)</source>
        <translation>
            <numerusform>%Ln curso</numerusform>
            <numerusform>%Ln cursos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learner(s)</source>
        <translation>
            <numerusform>alumno</numerusform>
            <numerusform>alumnos</numerusform>
        </translation>
    </message>
    <message>
        <source>No learners yet</source>
        <translation>Todavía no hay alumnos</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Status</source>
        <extracomment>Emitted after a query&apos;s first page is in the model (and after each further page). Emitted when a query failed (the message is for the status line). The progress as a fraction 0..1 (or None), for the progress bar delegate. (header, sort key) per column; the first column is the course or the learner.</extracomment>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Resume point</source>
        <translation>Punto de reanudación</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Alumno</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Attempt {0}; completion: {1}; success: {2}</source>
        <translation>Intento {0}; finalización: {1}; aprobación: {2}</translation>
    </message>
    <message>
        <source>Resumes at: {0}</source>
        <translation>Se reanuda en: {0}</translation>
    </message>
    <message>
        <source>not started</source>
        <extracomment>Words the app shows that come from data (status labels, stored values): marked here so lupdate extracts them; the code shows them with QCoreApplication.translate(context, word).</extracomment>
        <translation>no iniciado</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completado</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>suspendido</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incompleto</translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation>no intentado</translation>
    </message>
    <message>
        <source>browsed</source>
        <translation>explorado</translation>
    </message>
    <message>
        <source>Each row has one status only: a passed or failed course is not counted again as completed. Finished counts every row whose content reported it complete, whatever its result (the completion rate).</source>
        <extracomment>What &quot;finished&quot; means beside the statuses, which are exclusive (a summary&apos;s and the course figures&apos; tooltip).</extracomment>
        <translation>Cada fila tiene un solo estado: un curso aprobado o suspendido no se cuenta otra vez como completado. «Terminados» cuenta cada fila cuyo contenido se declaró completado, sea cual sea su resultado (la tasa de finalización).</translation>
    </message>
    <message>
        <source>All statuses</source>
        <extracomment>Wait this long after the last key in a filter field before querying again.</extracomment>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Not finished (not started, in progress)</source>
        <translation>Sin terminar (no iniciados, en curso)</translation>
    </message>
    <message>
        <source>Finished (completed, passed, failed)</source>
        <translation>Terminados (completados, aprobados, suspendidos)</translation>
    </message>
    <message>
        <source>Show only this status</source>
        <translation>Mostrar solo este estado</translation>
    </message>
    <message>
        <source>The table lists only rows with this status</source>
        <translation>La tabla muestra solo las filas con este estado</translation>
    </message>
    <message>
        <source>One row each, with its status in words; Ctrl+Enter resumes the selected course</source>
        <translation>Una fila por cada uno, con su estado escrito; Ctrl+Intro reanuda el curso seleccionado</translation>
    </message>
    <message>
        <source> shown</source>
        <translation> mostrados</translation>
    </message>
    <message>
        <source>by status: {0}</source>
        <translation>por estado: {0}</translation>
    </message>
    <message>
        <source>finished &lt;b&gt;{0:,}&lt;/b&gt; ({1})</source>
        <translation>terminados &lt;b&gt;{0:,}&lt;/b&gt; ({1})</translation>
    </message>
    <message>
        <source>average progress &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>progreso medio &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>average score &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>puntuación media &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>time &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>tiempo &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>By &amp;learner</source>
        <extracomment>The user asked to play (resume) this course for the active learner. A line for the owner&apos;s status bar.</extracomment>
        <translation>Por &amp;alumno</translation>
    </message>
    <message>
        <source>By &amp;course</source>
        <translation>Por &amp;curso</translation>
    </message>
    <message>
        <source>Every course of one learner (Ctrl+Tab: by course)</source>
        <translation>Todos los cursos de un alumno (Ctrl+Tab: por curso)</translation>
    </message>
    <message>
        <source>Every learner of one course (Ctrl+Tab: by learner)</source>
        <translation>Todos los alumnos de un curso (Ctrl+Tab: por alumno)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Resume the selected course</source>
        <translation>Reanudar el curso seleccionado</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>Exportar la tabla como CSV</translation>
    </message>
    <message>
        <source>Export a printable PDF</source>
        <translation>Exportar un PDF imprimible</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation>Filtrar la tabla</translation>
    </message>
    <message>
        <source>Choose the learner or course</source>
        <translation>Elija el alumno o el curso</translation>
    </message>
    <message>
        <source>By learner</source>
        <translation>Por alumno</translation>
    </message>
    <message>
        <source>By course</source>
        <translation>Por curso</translation>
    </message>
    <message>
        <source>Save the table shown, with its filter and order, as CSV (Ctrl+E)</source>
        <translation>Guardar la tabla mostrada, con su filtro y su orden, como CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save a printable PDF report of this learner or course (Ctrl+P)</source>
        <translation>Guardar un informe PDF imprimible de este alumno o curso (Ctrl+P)</translation>
    </message>
    <message>
        <source>Read the records again (F5)</source>
        <translation>Volver a leer los registros (F5)</translation>
    </message>
    <message>
        <source>Play the selected course for the active learner (Ctrl+Enter, or double-click the row)</source>
        <translation>Reproducir el curso seleccionado para el alumno activo (Ctrl+Intro, o doble clic en la fila)</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Actualizado.</translation>
    </message>
    <message>
        <source>Could not read the records: {0}</source>
        <translation>No se pudieron leer los registros: {0}</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Reproducir</translation>
    </message>
    <message>
        <source>Courses play for the active learner ({0}); {1} is not active.</source>
        <translation>Los cursos se reproducen para el alumno activo ({0}); {1} no está activo.</translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation> (desplácese para ver más)</translation>
    </message>
    <message numerus="yes">
        <source>{0:,} of %Ln row(s) loaded{1}</source>
        <translation>
            <numerusform>{0:,} de %Ln fila cargadas{1}</numerusform>
            <numerusform>{0:,} de %Ln filas cargadas{1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln row(s) to {0}.</source>
        <translation>
            <numerusform>%Ln fila guardada en {0}.</numerusform>
            <numerusform>%Ln filas guardadas en {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a learner or a course first.</source>
        <translation>Elija primero un alumno o un curso.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}</source>
        <translation>No se pudo escribir {0}: {1}</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard – SCORM Desktop</source>
        <translation>Panel – SCORM Desktop</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch “{0}”</source>
        <translation>Enviar «{0}»</translation>
    </message>
    <message>
        <source>Site or organisation</source>
        <translation>Sitio u organización</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Expires at the end of</source>
        <translation>Vence al final del</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Destinatario:</translation>
    </message>
    <message>
        <source>Maximum &amp;launches:</source>
        <translation>Máximo de &amp;lanzamientos:</translation>
    </message>
    <message>
        <source>Maximum l&amp;earners:</source>
        <translation>Máximo de al&amp;umnos:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Vencimiento:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Save the dispatch file</source>
        <translation>Guardar el archivo de envío</translation>
    </message>
    <message>
        <source>Dispatch files (*{0})</source>
        <translation>Archivos de envío (*{0})</translation>
    </message>
    <message>
        <source>Name the site or organisation the course is for.</source>
        <translation>Indique el sitio u organización al que se destina el curso.</translation>
    </message>
    <message>
        <source>Choose where to save the dispatch file.</source>
        <translation>Elija dónde guardar el archivo de envío.</translation>
    </message>
</context>
<context>
    <name>DispatchWindow</name>
    <message>
        <source>Dispatches</source>
        <translation>Envíos</translation>
    </message>
    <message>
        <source>Issued dispatches</source>
        <translation>Envíos emitidos</translation>
    </message>
    <message>
        <source>&amp;New dispatch…</source>
        <translation>&amp;Nuevo envío…</translation>
    </message>
    <message>
        <source>Dispatch the course selected in the library</source>
        <translation>Enviar el curso seleccionado en la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Read the report from the LRS</source>
        <translation>&amp;Leer el informe desde el LRS</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;vocar…</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>sin límites</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>Reading the statements from the LRS…</source>
        <translation>Leyendo las declaraciones desde el LRS…</translation>
    </message>
    <message numerus="yes">
        <source>Report read: %n missing record(s).</source>
        <translation>
            <numerusform>Informe leído: %n registro que falta.</numerusform>
            <numerusform>Informe leído: %n registros que faltan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The revocation list was published on the LRS.</source>
        <translation>La lista de revocación se publicó en el LRS.</translation>
    </message>
    <message>
        <source>Select a course in the library first, then choose New dispatch.</source>
        <translation>Seleccione primero un curso en la biblioteca y elija Nuevo envío.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Revoke the dispatch of “{0}” for {1}? Devices stop launching it at their next sync (or when they import the revocation file); their results are kept.</source>
        <translation>¿Revocar el envío de «{0}» para {1}? Los dispositivos dejarán de lanzarlo en su próxima sincronización (o cuando importen el archivo de revocación); sus resultados se conservan.</translation>
    </message>
    <message>
        <source>Revoked here; no LRS is set, so give the sites the revocation file (scorm-desktop dispatch revocations --out FILE).</source>
        <translation>Revocado aquí; no hay ningún LRS configurado, así que entregue a los sitios el archivo de revocación (scorm-desktop dispatch revocations --out ARCHIVO).</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>error: the item &apos;{0}&apos; cannot be opened now; nothing was played</source>
        <extracomment>The content waits for a learner (no API call and no navigation for the idle period; see ui/idle_stop.py). Ctrl+C and SIGTERM: the shell&apos;s convention, 128 + the signal&apos;s number. After an interrupt, the longest wait for the player&apos;s own close before leaving anyway (the session is then ended from what the worker stored, below). A signal to the whole process group also stops Chromium&apos;s helpers, and a page that is gone never answers the close&apos;s drain: waiting longer would only delay the exit.</extracomment>
        <translation>error: el elemento «{0}» no se puede abrir ahora; no se ha reproducido nada</translation>
    </message>
    <message>
        <source>error: {0}</source>
        <translation>error: {0}</translation>
    </message>
    <message>
        <source>error: the content did not finish within {0} s; its values so far are kept</source>
        <translation>error: el contenido no terminó en {0} s; se conservan sus valores hasta ahora</translation>
    </message>
    <message>
        <source>navigation: {0}</source>
        <translation>navegación: {0}</translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation>advertencia: {0}</translation>
    </message>
    <message>
        <source>stopped: {0} Its values so far are kept.</source>
        <translation>detenido: {0} Se conservan sus valores hasta ahora.</translation>
    </message>
    <message>
        <source>error: some values could not be saved ({0}); the session is left open and is recovered at the next start</source>
        <translation>error: algunos valores no se pudieron guardar ({0}); la sesión queda abierta y se recuperará en el próximo inicio</translation>
    </message>
    <message>
        <source>interrupted: saving and ending the session</source>
        <translation>interrumpido: guardando y terminando la sesión</translation>
    </message>
    <message>
        <source>alert: {0}</source>
        <translation>alerta: {0}</translation>
    </message>
    <message>
        <source>error: the content did not finish within {0} s; what it sent is kept</source>
        <translation>error: el contenido no terminó en {0} s; se conserva lo que envió</translation>
    </message>
</context>
<context>
    <name>LearnerMenu</name>
    <message>
        <source>&amp;Learner</source>
        <translation>A&amp;lumno</translation>
    </message>
    <message>
        <source>&amp;Switch learner…</source>
        <translation>&amp;Cambiar de alumno…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Cambiar el &amp;nombre…</translation>
    </message>
    <message>
        <source>Set &amp;PIN…</source>
        <translation>Definir un &amp;PIN…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Pre&amp;view mode (trainer)</source>
        <translation>Modo de &amp;vista previa (formador)</translation>
    </message>
    <message>
        <source>Launches run in browse mode, are not recorded and never synced</source>
        <translation>Los cursos se abren en modo exploración, no se registran y nunca se sincronizan</translation>
    </message>
    <message>
        <source>&amp;Clear preview records</source>
        <translation>&amp;Borrar los registros de vista previa</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>Cambiar de alumno</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message>
        <source>Now learning: {0}</source>
        <translation>Alumno actual: {0}</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Alumno</translation>
    </message>
    <message>
        <source>There is no learner yet.</source>
        <translation>Todavía no hay ningún alumno.</translation>
    </message>
    <message>
        <source>Rename learner</source>
        <translation>Cambiar el nombre del alumno</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nuevo nombre:</translation>
    </message>
    <message>
        <source>PIN saved.</source>
        <translation>PIN guardado.</translation>
    </message>
    <message>
        <source>Remove learner</source>
        <translation>Eliminar alumno</translation>
    </message>
    <message>
        <source>Remove {0} and their records on this computer?

Results already waiting to be synced are still sent; nothing else can be recovered.</source>
        <translation>¿Eliminar a {0} y sus registros de este equipo?

Los resultados que ya esperan sincronización se enviarán igualmente; no se podrá recuperar nada más.</translation>
    </message>
    <message>
        <source> — PREVIEW MODE</source>
        <translation> — MODO DE VISTA PREVIA</translation>
    </message>
    <message>
        <source>Preview mode: launches run in browse mode and are not recorded.</source>
        <translation>Modo de vista previa: los cursos se abren en modo exploración y no se registran.</translation>
    </message>
    <message>
        <source>Preview mode is off: launches are recorded for the learner.</source>
        <translation>Modo de vista previa desactivado: los cursos se registran para el alumno.</translation>
    </message>
    <message numerus="yes">
        <source>Cleared %n preview attempt(s).</source>
        <translation>
            <numerusform>%n intento de vista previa borrado.</numerusform>
            <numerusform>%n intentos de vista previa borrados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerTab</name>
    <message>
        <source>Learner</source>
        <extracomment>The widest the resume point column grows to show its values (longer ones are elided; the tooltip has them).</extracomment>
        <translation>Alumno</translation>
    </message>
    <message>
        <source>The learner whose courses the table lists</source>
        <translation>El alumno cuyos cursos muestra la tabla</translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation>&amp;Alumno:</translation>
    </message>
    <message>
        <source>Filter courses by title (Ctrl+F)</source>
        <translation>Filtrar cursos por título (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter courses by title</source>
        <translation>Filtrar cursos por título</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Courses of the learner</source>
        <translation>Cursos del alumno</translation>
    </message>
    <message>
        <source>No learner has records yet.</source>
        <translation>Ningún alumno tiene registros todavía.</translation>
    </message>
    <message numerus="yes">
        <source>course(s)</source>
        <translation>
            <numerusform>curso</numerusform>
            <numerusform>cursos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>SCORM 2004 2nd Edition</source>
        <extracomment>A dispatched course&apos;s licence in one line (&quot;12 of 20 launches left, expires 31 March 2027&quot;), else &quot;&quot;. The editions&apos; names as standard_label() shows them (marked for translation: &quot;4th Edition&quot; reads differently).</extracomment>
        <translation>SCORM 2004 2.ª edición</translation>
    </message>
    <message>
        <source>SCORM 2004 3rd Edition</source>
        <translation>SCORM 2004 3.ª edición</translation>
    </message>
    <message>
        <source>SCORM 2004 4th Edition</source>
        <translation>SCORM 2004 4.ª edición</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>Última apertura</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Course library</source>
        <extracomment>The manifest identifier of the bundled sample course (resources/sample-course). The active learner as the last refresh found it (None: no learner yet).</extracomment>
        <translation>Biblioteca de cursos</translation>
    </message>
    <message>
        <source>Enter plays the selected course, Ctrl+I shows its details; the Status column says where each course stands</source>
        <translation>Intro reproduce el curso seleccionado y Ctrl+I muestra sus detalles; la columna Estado indica cómo va cada curso</translation>
    </message>
    <message>
        <source>Converting course videos… {0:.0%}</source>
        <translation>Convirtiendo los vídeos del curso… {0:.0%}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Import course…</source>
        <translation>&amp;Importar un curso…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your library is empty&lt;/h2&gt;&lt;p&gt;Drop a course package (.zip: SCORM 1.2 or 2004, cmi5, xAPI) here,&lt;br&gt;or choose &lt;b&gt;File › Import course…&lt;/b&gt; (Ctrl+O).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Su biblioteca está vacía&lt;/h2&gt;&lt;p&gt;Suelte aquí un paquete de curso (.zip: SCORM 1.2 o 2004, cmi5, xAPI),&lt;br&gt;o elija &lt;b&gt;Archivo › Importar un curso…&lt;/b&gt; (Ctrl+O).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import course packages (.zip: SCORM, cmi5, xAPI) into the library (Ctrl+O)</source>
        <translation>Importar paquetes de cursos (.zip: SCORM, cmi5, xAPI) a la biblioteca (Ctrl+O)</translation>
    </message>
    <message>
        <source>Import a &amp;folder of courses…</source>
        <translation>Importar una carpe&amp;ta de cursos…</translation>
    </message>
    <message>
        <source>&amp;Check a course…</source>
        <translation>Co&amp;mprobar un curso…</translation>
    </message>
    <message>
        <source>Validate a package and run its items unattended; nothing is recorded</source>
        <translation>Validar un paquete y ejecutar sus elementos de forma desatendida; no se registra nada</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Abrir la carpeta de &amp;datos</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&lt;b&gt;SCORM Desktop {0}&lt;/b&gt;&lt;p&gt;An offline-first player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;br&gt;Logs: {2}&lt;/p&gt;</source>
        <translation>&lt;b&gt;SCORM Desktop {0}&lt;/b&gt;&lt;p&gt;Un reproductor de cursos SCORM 1.2, SCORM 2004, cmi5 y xAPI (Tin Can) pensado para funcionar sin conexión.&lt;/p&gt;&lt;p&gt;Carpeta de datos: {1}&lt;br&gt;Registros: {2}&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s). Double-click a course to play it; drop a .zip here to import.</source>
        <translation>
            <numerusform>%n curso. Haga doble clic en un curso para reproducirlo; suelte un .zip aquí para importarlo.</numerusform>
            <numerusform>%n cursos. Haga doble clic en un curso para reproducirlo; suelte un .zip aquí para importarlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import course</source>
        <translation>Importar un curso</translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <extracomment>These texts were the main window&apos;s and keep its translation context (&quot;MainWindow&quot;), written out for lupdate.</extracomment>
        <translation>&amp;Curso</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Reproducir</translation>
    </message>
    <message>
        <source>Play the selected course (Enter, or double-click it)</source>
        <translation>Reproducir el curso seleccionado (Intro, o doble clic)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>Every learner&apos;s status on every course (Ctrl+D)</source>
        <translation>El estado de cada alumno en cada curso (Ctrl+D)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Buscar cursos</translation>
    </message>
    <message>
        <source>Show courses by status</source>
        <translation>Mostrar los cursos por estado</translation>
    </message>
    <message>
        <source>The library lists only the courses with this status</source>
        <translation>La biblioteca muestra solo los cursos con este estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>De&amp;tails…</source>
        <translation>De&amp;talles…</translation>
    </message>
    <message>
        <source>&amp;Update from a newer package…</source>
        <translation>Act&amp;ualizar desde un paquete más reciente…</translation>
    </message>
    <message>
        <source>&amp;Remove from library…</source>
        <translation>&amp;Quitar de la biblioteca…</translation>
    </message>
    <message>
        <source>&amp;Start over…</source>
        <translation>Empezar de &amp;nuevo…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About SCORM Desktop</source>
        <translation>&amp;Acerca de SCORM Desktop</translation>
    </message>
    <message>
        <source>About SCORM Desktop</source>
        <translation>Acerca de SCORM Desktop</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>&amp;Waive an AU…</source>
        <translation>&amp;Dispensar de una AU…</translation>
    </message>
    <message>
        <source>Exempt the active learner from a part of the selected cmi5 course</source>
        <translation>Dispensar al alumno activo de una parte del curso cmi5 seleccionado</translation>
    </message>
    <message>
        <source>Waive an AU</source>
        <translation>Dispensar de una AU</translation>
    </message>
    <message>
        <source>Only a cmi5 course has AUs a learner can be exempted from.</source>
        <translation>Solo un curso cmi5 tiene AU de las que se puede dispensar a un alumno.</translation>
    </message>
    <message>
        <source>Remove course</source>
        <translation>Quitar el curso</translation>
    </message>
    <message>
        <source>Remove “{0}” from the library?</source>
        <translation>¿Quitar «{0}» de la biblioteca?</translation>
    </message>
    <message>
        <source>Its files are deleted. Learners&apos; records are kept (in reports, the dashboard and the sync queue) unless you also delete them; importing the package again brings the course back with them.</source>
        <translation>Se borran sus archivos. Los registros de los alumnos se conservan (en los informes, el panel y la cola de sincronización) salvo que también los elimine; si vuelve a importar el paquete, el curso vuelve con ellos.</translation>
    </message>
    <message>
        <source>Remove, keep records</source>
        <translation>Quitar y conservar los registros</translation>
    </message>
    <message>
        <source>Remove with records</source>
        <translation>Quitar con los registros</translation>
    </message>
    <message>
        <source>Newer version of “{0}”</source>
        <translation>Versión más reciente de «{0}»</translation>
    </message>
    <message>
        <source>Course packages (*.zip);;All files (*)</source>
        <translation>Paquetes de cursos (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Update course</source>
        <translation>Actualizar el curso</translation>
    </message>
    <message>
        <source>That version is already in the library.</source>
        <translation>Esa versión ya está en la biblioteca.</translation>
    </message>
    <message>
        <source>“{0}” was updated; learners&apos; records are kept.</source>
        <translation>«{0}» se ha actualizado; se conservan los registros de los alumnos.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Start “{0}” again from the beginning for {1}?

The current attempt is kept in the history.</source>
        <translation>¿Empezar «{0}» de nuevo desde el principio para {1}?

El intento actual se conserva en el historial.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>There is no backup yet. SCORM Desktop takes one every day it is used and before every upgrade.</source>
        <translation>Todavía no hay ninguna copia de seguridad. SCORM Desktop hace una cada día que se usa y antes de cada actualización.</translation>
    </message>
    <message>
        <source>Restore the library as it was on:</source>
        <translation>Restaurar la biblioteca tal como estaba el:</translation>
    </message>
    <message>
        <source>Restore the library from the backup of {0}?

Learning records made after it will not be in the restored library; the current database is kept as a file beside it. SCORM Desktop closes now and opens the restored library the next time it starts.</source>
        <translation>¿Restaurar la biblioteca desde la copia de seguridad del {0}?

Los registros de aprendizaje posteriores no estarán en la biblioteca restaurada; la base de datos actual se conserva como un archivo junto a ella. SCORM Desktop se cerrará ahora y abrirá la biblioteca restaurada la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Learner: {0}</source>
        <translation>Alumno: {0}</translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation>No encontrado: {0}</translation>
    </message>
    <message>
        <source>Import every course in a folder</source>
        <translation>Importar todos los cursos de una carpeta</translation>
    </message>
    <message>
        <source>Importing…</source>
        <extracomment>These texts were the main window&apos;s and keep its translation context (&quot;MainWindow&quot;), written out for lupdate.</extracomment>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Importing courses</source>
        <translation>Importando cursos</translation>
    </message>
    <message>
        <source>Importing {0} ({1} of {2})…</source>
        <translation>Importando {0} ({1} de {2})…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Imported “{0}”.</source>
        <translation>«{0}» importado.</translation>
    </message>
    <message>
        <source>{0} is already in the library as “{1}”.</source>
        <translation>{0} ya está en la biblioteca como «{1}».</translation>
    </message>
    <message>
        <source>{0} was not imported: {1}</source>
        <translation>{0} no se importó: {1}</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing half-imported was kept.</source>
        <translation>Se canceló la importación; no se ha conservado nada importado a medias.</translation>
    </message>
    <message>
        <source>{0} imported, {1} already present, {2} refused</source>
        <translation>{0} importado(s), {1} ya presente(s), {2} rechazado(s)</translation>
    </message>
    <message>
        <source>Cannot play this course</source>
        <translation>No se puede reproducir este curso</translation>
    </message>
    <message>
        <source>Dispatch of “{0}” for {1} written to {2}.</source>
        <translation>Envío de «{0}» para {1} guardado en {2}.</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Trust this issuer?</source>
        <translation>¿Confiar en este emisor?</translation>
    </message>
    <message>
        <source>{0} is a dispatched course from an issuer this computer does not trust yet.

Issuer key fingerprint: {1}

Trust it only if the issuer told you the same fingerprint. Trust it and import?</source>
        <translation>{0} es un curso enviado por un emisor en el que este equipo aún no confía.

Huella de la clave del emisor: {1}

Confíe en él solo si el emisor le comunicó la misma huella. ¿Confiar e importar?</translation>
    </message>
    <message>
        <source>Dispatch to a s&amp;ite…</source>
        <translation>&amp;Enviar a un sitio…</translation>
    </message>
    <message>
        <source>Write the selected course with a signed licence (launches, learners, expiry)</source>
        <translation>Guardar el curso seleccionado con una licencia firmada (lanzamientos, alumnos, vencimiento)</translation>
    </message>
    <message>
        <source>Dispatc&amp;hes</source>
        <translation>Lista de en&amp;víos</translation>
    </message>
</context>
<context>
    <name>MediaJobs</name>
    <message>
        <source>The course&apos;s videos could not be converted: {0}</source>
        <extracomment>How long a quit waits for the child to save its state before killing it. (course id, summary): {&quot;files&quot;, &quot;pending&quot;, &quot;running&quot;, &quot;done&quot;, &quot;failed&quot;, &quot;cancelled&quot;, &quot;progress&quot;, &quot;current&quot;}. (course id, summary) when a course&apos;s run ended (done, cancelled, or stopped with files failed). A sentence for the status bar (the main window&apos;s or the player&apos;s).</extracomment>
        <translation>No se pudieron convertir los vídeos del curso: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n media file(s) of a course could not be converted; see the log.</source>
        <translation>
            <numerusform>No se pudo convertir %n archivo multimedia de un curso; consulte el registro.</numerusform>
            <numerusform>No se pudieron convertir %n archivos multimedia de un curso; consulte el registro.</numerusform>
        </translation>
    </message>
    <message>
        <source>This course&apos;s videos are being converted ({0:.0%}); until then &apos;{1}&apos; may stay black or silent. Reopen the page when it is done.</source>
        <translation>Los vídeos de este curso se están convirtiendo ({0:.0%}); hasta entonces, «{1}» puede verse en negro o sin sonido. Vuelva a abrir la página cuando termine.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; uses a format this player cannot decode, and converting media is turned off in the settings; it may stay black or silent.</source>
        <translation>«{0}» usa un formato que este reproductor no puede descodificar y la conversión de medios está desactivada en la configuración; puede verse en negro o sin sonido.</translation>
    </message>
    <message>
        <source>This course&apos;s videos are queued for conversion; until then &apos;{0}&apos; may stay black or silent.</source>
        <translation>Los vídeos de este curso están en cola para convertirse; hasta entonces, «{0}» puede verse en negro o sin sonido.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The characters typed are hidden</source>
        <translation>Los caracteres escritos se ocultan</translation>
    </message>
    <message>
        <source>A PIN for {0} (leave empty for none):</source>
        <translation>PIN para {0} (déjelo vacío para no usar ninguno):</translation>
    </message>
    <message>
        <source>{0}&apos;s PIN:</source>
        <translation>PIN de {0}:</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>Your progress could not be saved: {0}. Free some disk space; nothing is lost — it is kept here and saved as soon as there is room.</source>
        <extracomment>The elements whose values the sequencer reads: a batch that sets one of them changes adl.nav.request_valid.*. (Looked for in the batch&apos;s text: a false match only costs one more refresh.) How often unsaved values are retried while the disk is full.</extracomment>
        <translation>No se pudo guardar su progreso: {0}. Libere espacio en el disco; no se pierde nada: se conserva aquí y se guardará en cuanto haya sitio.</translation>
    </message>
    <message>
        <source>Nothing more can be played without a learner&apos;s choice; the course is suspended.</source>
        <extracomment>How long closing waits for a hung page to hand over its last values before ending the session without them. (level, text, source, line) of every console message of the player page and the content. A launch is under way (the content is loading). A session ended: (launch, reason). No item is left to play: the reason (&quot;finished&quot;, &quot;suspended&quot;, &quot;closed&quot;, ...). A launch could not start: a sentence for the user. A sentence for the learner while values cannot be written (disk full); &quot;&quot; once all is saved again. Entries of the API log (every call with arguments, result, error code and time). The navigation state changed: `Navigator.ui_state()` (buttons, table of contents, progress, course status). A sentence about navigation for the learner (a refused request, nothing more to open, ...). No item runs and the course waits for the learner&apos;s choice: the sentence to show. Trainer preview: browse mode under the preview learner, never synced. Headless: the content&apos;s alert/confirm/prompt dialogs are answered, not shown. The view the player&apos;s pages show in; may be given after `open` (before the event loop runs again), so that the worker&apos;s start overlaps Chromium&apos;s (see ui/headless.py). The web profile of the learner being played (set at each launch). The course host the running page is served on (its durability waits are answered there). After a SCO ends without a navigation request: Continue when valid (headless), instead of waiting. The course&apos;s navigation; used only on the worker thread. The last navigation state (for the window and tests). The course is over (courseEnded was emitted) or has not begun. (course id, learner uid) of a player page loaded before its launch was prepared (`_preload`). Hands the worker&apos;s early news (the learner is known: `_preload`) to the UI thread mid-job. How long the content&apos;s own unload handlers get before its page is replaced by the next SCO&apos;s.</extracomment>
        <translation>Ya no se puede reproducir nada sin una elección del alumno; el curso está suspendido.</translation>
    </message>
    <message>
        <source>Nothing more can be played without a learner&apos;s choice; the course is closed.</source>
        <translation>Ya no se puede reproducir nada sin una elección del alumno; el curso está cerrado.</translation>
    </message>
    <message>
        <source>Nothing more can be played without a learner&apos;s choice; the course is finished.</source>
        <translation>Ya no se puede reproducir nada sin una elección del alumno; el curso ha terminado.</translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <source>Not started</source>
        <extracomment>What each status icon means (also the tooltip&apos;s first words).</extracomment>
        <translation>No iniciado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Waived (you are exempted from it)</source>
        <translation>Dispensado (está exento)</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <extracomment>The window closed and its session is saved. A session ended (for the library to refresh its status column). (request, label, tooltip) of the toolbar&apos;s navigation buttons, in order.</extracomment>
        <translation>◀  Anterior</translation>
    </message>
    <message>
        <source>Go back to the previous item (Alt+Left)</source>
        <translation>Volver al elemento anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Continue  ▶</source>
        <translation>Continuar  ▶</translation>
    </message>
    <message>
        <source>Go on to the next item (Alt+Right)</source>
        <translation>Pasar al elemento siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <source>Exit item</source>
        <translation>Salir del elemento</translation>
    </message>
    <message>
        <source>Leave this item; then choose what to do next</source>
        <translation>Salir de este elemento y elegir qué hacer después</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Save your place and leave the course; it resumes here next time</source>
        <translation>Guardar el punto en el que está y salir del curso; la próxima vez se reanudará aquí</translation>
    </message>
    <message>
        <source>Exit course</source>
        <translation>Salir del curso</translation>
    </message>
    <message>
        <source>End this attempt of the course</source>
        <translation>Terminar este intento del curso</translation>
    </message>
    <message>
        <source>Abandon item</source>
        <extracomment>Requests that throw away what the current attempt did: offered in a menu, not as buttons.</extracomment>
        <translation>Abandonar el elemento</translation>
    </message>
    <message>
        <source>Leave this item without keeping its results</source>
        <translation>Salir de este elemento sin conservar sus resultados</translation>
    </message>
    <message>
        <source>Abandon course</source>
        <translation>Abandonar el curso</translation>
    </message>
    <message>
        <source>Leave the course without keeping this attempt&apos;s results</source>
        <translation>Salir del curso sin conservar los resultados de este intento</translation>
    </message>
    <message>
        <source>SCORM Desktop player</source>
        <extracomment>Requests about the running item: nothing to apply them to once it has ended. Requests that leave the course: nothing to leave once it is finished and nothing runs (Close says it all).
----------
AU statuses after which the learner is not sent to that AU first. The window closed and the AU&apos;s session is ended. A session started or ended (for the library to refresh its status column). True offscreen (tests, unattended runs): the AU&apos;s dialogs are answered instead of waiting for a person. The learner chose another AU and the running one is ending. The AU (item identifier) being played.</extracomment>
        <translation>Reproductor SCORM Desktop</translation>
    </message>
    <message>
        <source>Course items</source>
        <translation>Elementos del curso</translation>
    </message>
    <message>
        <source>Press Enter on an item to open it; each item says its status: not started, in progress, completed, passed or failed</source>
        <translation>Pulse Intro sobre un elemento para abrirlo; cada elemento indica su estado: no iniciado, en curso, completado, aprobado o suspendido</translation>
    </message>
    <message>
        <source>%p% done</source>
        <translation>%p % hecho</translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation>Progreso del curso</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Reproductor</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>More ▾</source>
        <translation>Más ▾</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Save progress and close the course (Ctrl+W)</source>
        <translation>Guardar el progreso y cerrar el curso (Ctrl+W)</translation>
    </message>
    <message>
        <source>API log</source>
        <translation>Registro de la API</translation>
    </message>
    <message>
        <source>Show every SCORM call the course makes (F12)</source>
        <translation>Mostrar cada llamada SCORM que hace el curso (F12)</translation>
    </message>
    <message>
        <source>Opening the course…</source>
        <translation>Abriendo el curso…</translation>
    </message>
    <message>
        <source> — PREVIEW (not recorded)</source>
        <translation> — VISTA PREVIA (no se registra)</translation>
    </message>
    <message>
        <source>Playing “{0}” as {1}. Progress is saved as you go.</source>
        <translation>Reproduciendo «{0}» como {1}. El progreso se guarda sobre la marcha.</translation>
    </message>
    <message>
        <source>Course: passed</source>
        <translation>Curso: aprobado</translation>
    </message>
    <message>
        <source>Course: failed</source>
        <translation>Curso: suspendido</translation>
    </message>
    <message>
        <source>Course: completed</source>
        <translation>Curso: completado</translation>
    </message>
    <message>
        <source>Course: not started</source>
        <translation>Curso: no iniciado</translation>
    </message>
    <message>
        <source>Course: in progress</source>
        <translation>Curso: en curso</translation>
    </message>
    <message>
        <source> — score {0}%</source>
        <translation> — puntuación {0} %</translation>
    </message>
    <message>
        <source>Review: you can look through this course; nothing you do here changes your record.</source>
        <translation>Repaso: puede recorrer este curso; nada de lo que haga aquí cambia sus registros.</translation>
    </message>
    <message>
        <source>Preview: nothing you do here is recorded.</source>
        <translation>Vista previa: nada de lo que haga aquí se registra.</translation>
    </message>
    <message>
        <source>“{0}” has ended; your progress is saved.</source>
        <translation>«{0}» ha terminado; su progreso está guardado.</translation>
    </message>
    <message>
        <source>You have reached the end of the course. Your results are saved; you can close the player.</source>
        <translation>Ha llegado al final del curso. Sus resultados están guardados; puede cerrar el reproductor.</translation>
    </message>
    <message>
        <source>The course is suspended; it resumes where you left off next time. You can close the player.</source>
        <translation>El curso está en pausa; la próxima vez se reanudará donde lo dejó. Puede cerrar el reproductor.</translation>
    </message>
    <message>
        <source>Everything is saved again.</source>
        <translation>Todo vuelve a estar guardado.</translation>
    </message>
    <message>
        <source>The course could not start: {0}</source>
        <translation>No se pudo iniciar el curso: {0}</translation>
    </message>
    <message>
        <source>Moving on…</source>
        <translation>Pasando a lo siguiente…</translation>
    </message>
    <message>
        <source>Saving and moving on…</source>
        <translation>Guardando y continuando…</translation>
    </message>
    <message>
        <source>Opening “{0}”…</source>
        <translation>Abriendo «{0}»…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Cerrando…</translation>
    </message>
    <message>
        <source>Saving your progress…</source>
        <translation>Guardando su progreso…</translation>
    </message>
    <message>
        <source>Press Enter on an item to open it; each item says its status: not started, in progress, completed, passed, failed or waived</source>
        <translation>Pulse Intro sobre un elemento para abrirlo; cada elemento indica su estado: no iniciado, en curso, completado, aprobado, suspendido o dispensado</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Course run-time</source>
        <translation>Entorno de ejecución de los cursos</translation>
    </message>
    <message>
        <source>SCORM 1.2 allows 4,096 characters of suspend data; Storyline and Rise write more. 4,096 is strict; the default 64,000 keeps such courses resuming.</source>
        <translation>SCORM 1.2 admite 4096 caracteres de datos de suspensión; Storyline y Rise escriben más. 4096 aplica la norma de forma estricta; el valor predeterminado de 64 000 permite que esos cursos se reanuden.</translation>
    </message>
    <message>
        <source>SCORM 1.2 suspend data limit (characters):</source>
        <translation>Límite de datos de suspensión de SCORM 1.2 (caracteres):</translation>
    </message>
    <message>
        <source>Accept interaction formats authoring tools get wrong</source>
        <translation>Aceptar los formatos de interacción que las herramientas de autor generan mal</translation>
    </message>
    <message>
        <source>Accept broken session times (P0S, PT, hours over 99) and count them</source>
        <translation>Aceptar duraciones de sesión incorrectas (P0S, PT, más de 99 horas) y contabilizarlas</translation>
    </message>
    <message>
        <source>Checked, interaction answers in the formats real courses write are stored; unchecked, only the specification&apos;s formats are accepted</source>
        <translation>Marcado: las respuestas de las interacciones se guardan en los formatos que escriben los cursos reales; sin marcar: solo se aceptan los formatos de la especificación</translation>
    </message>
    <message>
        <source>Checked, malformed session times are accepted and counted; unchecked, only well-formed times are accepted</source>
        <translation>Marcado: las duraciones de sesión mal formadas se aceptan y se contabilizan; sin marcar: solo se aceptan las bien formadas</translation>
    </message>
    <message>
        <source>Unchecked, the specification&apos;s formats only. Changes apply to the next launch.</source>
        <translation>Sin marcar: solo los formatos de la especificación. Los cambios se aplican en el siguiente inicio de un curso.</translation>
    </message>
    <message>
        <source>Video and audio</source>
        <translation>Vídeo y audio</translation>
    </message>
    <message>
        <source>Convert H.264/AAC media to a format the player can show (in the background)</source>
        <translation>Convertir los medios H.264/AAC a un formato que el reproductor pueda mostrar (en segundo plano)</translation>
    </message>
    <message>
        <source>Without it, such videos stay black or silent in the player</source>
        <translation>Sin esto, esos vídeos se ven en negro o sin sonido en el reproductor</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System default ({0})</source>
        <translation>Idioma del sistema ({0})</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Idioma de la aplicación</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>Se aplica en el próximo inicio</translation>
    </message>
    <message>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Idioma de la aplicación:</translation>
    </message>
    <message>
        <source>Takes effect at the next start. Course content keeps its own language.</source>
        <translation>Se aplica en el próximo inicio. El contenido de los cursos mantiene su propio idioma.</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Carpeta de la biblioteca</translation>
    </message>
    <message>
        <source>Where the courses and the learners&apos; records are kept</source>
        <translation>Dónde se guardan los cursos y los registros de los alumnos</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the library folder in a folder dialog</source>
        <translation>Elegir la carpeta de la biblioteca en un cuadro de diálogo</translation>
    </message>
    <message>
        <source>Takes effect at the next start. A new folder starts an empty library; copy the current folder there first to keep it.</source>
        <translation>Se aplica en el próximo inicio. Una carpeta nueva empieza con una biblioteca vacía; copie antes en ella la carpeta actual para conservarla.</translation>
    </message>
    <message>
        <source>This run uses a folder given by --data-dir or SCORM_DESKTOP_DATA.</source>
        <translation>Esta sesión usa una carpeta indicada con --data-dir o SCORM_DESKTOP_DATA.</translation>
    </message>
</context>
<context>
    <name>SwitchLearnerDialog</name>
    <message>
        <source>Who is learning?</source>
        <translation>¿Quién está aprendiendo?</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Alumnos</translation>
    </message>
    <message>
        <source>Enter switches to the selected learner</source>
        <translation>Intro cambia al alumno seleccionado</translation>
    </message>
    <message>
        <source>or type a new learner&apos;s name</source>
        <translation>o escriba el nombre de un alumno nuevo</translation>
    </message>
    <message>
        <source>New learner&apos;s name</source>
        <translation>Nombre del alumno nuevo</translation>
    </message>
    <message>
        <source>Type a name here to add a learner and switch to them</source>
        <translation>Escriba aquí un nombre para añadir un alumno y cambiar a él</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Choose your name. Each learner&apos;s progress is kept apart.</source>
        <translation>Elija su nombre. El progreso de cada alumno se guarda por separado.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <extracomment>The settings (and the password, if one was typed) are on disk / in the keyring.</extracomment>
        <translation>Configuración de la sincronización</translation>
    </message>
    <message>
        <source>The LRS&apos;s xAPI base address: the part before &apos;statements&apos;</source>
        <translation>La dirección base xAPI del LRS: la parte anterior a «statements»</translation>
    </message>
    <message>
        <source>The LRS account the records are sent with</source>
        <translation>La cuenta del LRS con la que se envían los registros</translation>
    </message>
    <message>
        <source>Kept in the system&apos;s keyring when there is one; the characters typed are hidden</source>
        <translation>Se guarda en el llavero del sistema si lo hay; los caracteres escritos se ocultan</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>The address the learners&apos; accounts belong to (statements&apos; actor)</source>
        <translation>La dirección a la que pertenecen las cuentas de los alumnos (actor de las declaraciones)</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Punto de acceso:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Learner account &amp;home page:</source>
        <translation>Página &amp;principal de las cuentas de alumno:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Pro&amp;bar la conexión</translation>
    </message>
    <message>
        <source>Ask the LRS whether this address and account work</source>
        <translation>Preguntar al LRS si esta dirección y esta cuenta funcionan</translation>
    </message>
    <message>
        <source>Enter the LRS endpoint first.</source>
        <translation>Escriba primero el punto de acceso del LRS.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>The endpoint must start with https:// (or http://).</source>
        <translation>El punto de acceso debe empezar por https:// (o http://).</translation>
    </message>
    <message>
        <source>The sync settings could not be saved: {0}</source>
        <translation>No se pudo guardar la configuración de la sincronización: {0}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync status</source>
        <extracomment>&quot;Sync now&quot;. F5 is Refresh in the Course menu; F9 is &quot;Send/Receive&quot; in mail programs.</extracomment>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation>Sincronización: sin configurar</translation>
    </message>
    <message>
        <source>{0} pending</source>
        <translation>{0} pendiente(s)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync: offline</source>
        <translation>Sincronización: sin conexión</translation>
    </message>
    <message>
        <source>Sync: error</source>
        <translation>Sincronización: error</translation>
    </message>
    <message>
        <source>Sync: up to date</source>
        <translation>Sincronización: al día</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>last {0}</source>
        <translation>última {0}</translation>
    </message>
    <message>
        <source>{0} refused</source>
        <translation>{0} rechazado(s)</translation>
    </message>
    <message>
        <source>LRS: {0}</source>
        <translation>LRS: {0}</translation>
    </message>
    <message>
        <source>none (Sync › Settings…)</source>
        <translation>ninguno (Sincronización › Configuración…)</translation>
    </message>
    <message>
        <source>Pending: {0}; sent: {1}</source>
        <translation>Pendientes: {0}; enviados: {1}</translation>
    </message>
    <message numerus="yes">
        <source>Refused by the LRS: %n conflict(s), {0} invalid (see `scorm-desktop sync`)</source>
        <translation>
            <numerusform>Rechazados por el LRS: %n conflicto, {0} no válidos (vea `scorm-desktop sync`)</numerusform>
            <numerusform>Rechazados por el LRS: %n conflictos, {0} no válidos (vea `scorm-desktop sync`)</numerusform>
        </translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation>Última sincronización correcta: {0}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Last error: {0}</source>
        <translation>Último error: {0}</translation>
    </message>
    <message>
        <source>Next try in {0} s</source>
        <translation>Próximo intento en {0} s</translation>
    </message>
    <message>
        <source>Click to sync now ({0})</source>
        <translation>Haga clic para sincronizar ahora ({0})</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronización</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Send the learning records to the LRS now ({0})</source>
        <translation>Enviar ahora los registros de aprendizaje al LRS ({0})</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Export records…</source>
        <translation>&amp;Exportar los registros…</translation>
    </message>
    <message>
        <source>Write the records not yet sent to a signed file (for a USB stick)</source>
        <translation>Escribir los registros aún no enviados en un archivo firmado (para una memoria USB)</translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation>&amp;Importar registros…</translation>
    </message>
    <message>
        <source>Queue the records of a file from another computer for sync</source>
        <translation>Poner en cola de sincronización los registros de un archivo de otro equipo</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Exportar los registros</translation>
    </message>
    <message>
        <source>Exporting records…</source>
        <translation>Exportando los registros…</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Importar registros</translation>
    </message>
    <message>
        <source>Importing records…</source>
        <translation>Importando registros…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were written to {0}.

Import this file on a computer that can reach the LRS (Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and the LRS keeps one copy.

This computer&apos;s key: {1}</source>
        <translation>
            <numerusform>%n registro escrito en {0}.

Importe este archivo en un equipo que pueda llegar al LRS (Sincronización › Importar registros…). También sigue en cola aquí: el primer equipo que sincronice lo envía, y el LRS guarda una sola copia.

Clave de este equipo: {1}</numerusform>
            <numerusform>%n registros escritos en {0}.

Importe este archivo en un equipo que pueda llegar al LRS (Sincronización › Importar registros…). También siguen en cola aquí: el primer equipo que sincronice los envía, y el LRS guarda una sola copia.

Clave de este equipo: {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s)</source>
        <translation>
            <numerusform>%n registro exportado</numerusform>
            <numerusform>%n registros exportados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new record(s) queued for sync, {0} already known (of {1} in the file).

From device {2} ({3}), key {4}.</source>
        <translation>
            <numerusform>%n registro nuevo en cola de sincronización, {0} ya conocidos (de {1} en el archivo).

Del dispositivo {2} ({3}), clave {4}.</numerusform>
            <numerusform>%n registros nuevos en cola de sincronización, {0} ya conocidos (de {1} en el archivo).

Del dispositivo {2} ({3}), clave {4}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n record(s)</source>
        <translation>
            <numerusform>%n registro importado</numerusform>
            <numerusform>%n registros importados</numerusform>
        </translation>
    </message>
    <message>
        <source>first time this computer sees it</source>
        <translation>es la primera vez que este equipo lo ve</translation>
    </message>
    <message>
        <source>known device</source>
        <translation>dispositivo conocido</translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation>No importado: {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be used: {1}</source>
        <translation>No se pudo usar «{0}»: {1}</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} falló: {1}</translation>
    </message>
</context>
<context>
    <name>WaiveDialog</name>
    <message>
        <source>Waive an AU</source>
        <translation>Dispensar de una AU</translation>
    </message>
    <message>
        <source>Exempt {0} from a part of “{1}”. The LMS records it as waived (passed and completed for the course&apos;s rules), and it is sent with the other records.</source>
        <translation>Dispensar a {0} de una parte de «{1}». El LMS lo registra como dispensado (aprobado y completado para las reglas del curso) y se envía con los demás resultados.</translation>
    </message>
    <message>
        <source>Assignable unit</source>
        <translation>Unidad asignable (AU)</translation>
    </message>
    <message>
        <source>Reading the course…</source>
        <translation>Leyendo el curso…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Tested out</source>
        <translation>Superado por examen</translation>
    </message>
    <message>
        <source>Equivalent AU</source>
        <translation>AU equivalente</translation>
    </message>
    <message>
        <source>Equivalent outside activity</source>
        <translation>Actividad externa equivalente</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administrativo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>AU:</source>
        <translation>AU:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Waive</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>{0} has satisfied or been exempted from every AU of this course; there is nothing to waive.</source>
        <translation>{0} ha superado todas las AU de este curso o ha sido dispensado de ellas; no hay nada que dispensar.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <source>Not waived: {0}</source>
        <translation>Sin dispensa: {0}</translation>
    </message>
    <message>
        <source>Not waived: the records could not be written ({0}).</source>
        <translation>Sin dispensa: no se pudieron escribir los resultados ({0}).</translation>
    </message>
</context>
<context>
    <name>WebEnv</name>
    <message>
        <source>Open an outside address?</source>
        <extracomment>What course content may reach, and how an outside link is opened (both replaceable, e.g. in tests).</extracomment>
        <translation>¿Abrir una dirección externa?</translation>
    </message>
    <message>
        <source>The course wants to open this address in your web browser:</source>
        <translation>El curso quiere abrir esta dirección en su navegador web:</translation>
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
&lt;h2&gt;Bienvenido a SCORM Desktop&lt;/h2&gt;
&lt;p&gt;Realice cursos de formación en este equipo, con o sin conexión.&lt;/p&gt;
&lt;table cellspacing=&quot;8&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1. Importar&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Suelte un paquete de curso (&lt;i&gt;.zip&lt;/i&gt;) en la ventana o use
&lt;i&gt;Archivo › Importar un curso&lt;/i&gt;. Se admiten cursos SCORM 1.2, SCORM 2004, cmi5 y xAPI (Tin Can).&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;2. Reproducir&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Haga doble clic en un curso. Su progreso, sus respuestas y sus puntuaciones se guardan sobre la marcha;
cierre el curso cuando quiera y se reanudará donde lo dejó.&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;3. Sincronizar&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Los resultados se quedan en este equipo hasta que decida enviarlos al almacén
de registros de aprendizaje (LRS) de su organización, cuando haya conexión.&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
</translation>
    </message>
    <message>
        <source>Welcome to SCORM Desktop</source>
        <translation>Bienvenido a SCORM Desktop</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your results are recorded under this name</source>
        <translation>Sus resultados se registran con este nombre</translation>
    </message>
    <message>
        <source>Open the sample course now (about five minutes)</source>
        <translation>Abrir ahora el curso de ejemplo (unos cinco minutos)</translation>
    </message>
    <message>
        <source>A short course that shows how the player works</source>
        <translation>Un curso breve que muestra cómo funciona el reproductor</translation>
    </message>
    <message>
        <source>Who is learning on this computer?</source>
        <translation>¿Quién aprende en este equipo?</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Please enter a name: your results are recorded under it.</source>
        <translation>Escriba un nombre: sus resultados se registran con él.</translation>
    </message>
</context>
</TS>

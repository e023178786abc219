; Inno Setup script: a Windows installer from the one-folder bundle dist\scorm-desktop\ (packaging\build.ps1 first).
;   iscc /DAppVersion=0.1.0 packaging\windows\scorm-desktop.iss    (packaging\windows\build-installer.ps1 does this)
; Output: dist\scorm-desktop-<version>-setup.exe. NOT run on this project's Linux machines: see packaging/README.md.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "SCORM Desktop"
#define AppExe "scorm-desktop.exe"

[Setup]
AppId={{6E0B1D2A-5C3F-4E8B-9A71-2D4C8F0E3B51}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=SCORM Desktop contributors
AppPublisherURL=https://scormdesktop.org/
DefaultDirName={autopf}\SCORM Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed on shared field laptops); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=scorm-desktop-{#AppVersion}-setup
SetupIconFile=..\icons\scorm-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\scorm-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with > SCORM Desktop" for .zip files (the app imports the package; it does not take over .zip).
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".zip"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.zip\OpenWithProgids"; ValueType: string; ValueName: "ScormDesktop.Package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ScormDesktop.Package"; ValueType: string; ValueName: ""; ValueData: "SCORM package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ScormDesktop.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\ScormDesktop.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

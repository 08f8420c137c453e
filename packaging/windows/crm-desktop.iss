; Inno Setup script: crm-desktop's Windows installer (Inno Setup 6.4 or later).
;
; Build the one-folder program first (PyInstaller on Windows, see the README), then from the
; repository's root:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\crm-desktop.iss
; which writes dist\crm-desktop-VERSION-setup.exe.
;
; - The version is the program's own: read from the version resource of
;   dist\crm-desktop\crm-desktop.exe, which the PyInstaller spec makes from
;   crm_desktop.__version__ (the text, e.g. 0.1.0, names the set-up file; the four numbers
;   are the set-up's own file version). ISCC /DAppVersion=X.Y.Z overrides it.
; - Installed for the current user by default (no administrator needed: a shop's PC often
;   has none at hand) into %LOCALAPPDATA%\Programs\crm-desktop; the first page offers "all
;   users" (Program Files, with administrator rights) instead.
; - Start-menu shortcut to crm-desktop-gui.exe (the windowed program), optional desktop
;   shortcut, the uninstaller (in Settings > Apps). crm-desktop.exe beside it is the
;   command line. The user's databases, backups and settings live in the user data folder,
;   never in the program's folder: uninstalling leaves them.
; - Set-up languages: English (Inno Setup's own) and Persian, right to left. Inno Setup ships
;   Persian only among its unofficial, user-contributed translations, which its installer does
;   not install: put Farsi.isl (the one for your Inno Setup version, 6.4.0+ or 6.5.0+;
;   translated by Peyman Mohammadi, under Inno Setup's licence) beside this script, from Inno Setup's
;   translations page (https://jrsoftware.org/files/istrans/) or its source repository
;   (Files/Languages/Unofficial/Farsi.isl). The script stops with a message when it is missing.

#define AppName "crm-desktop"
#define AppExe "crm-desktop-gui.exe"
#define CliExe "crm-desktop.exe"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\crm-desktop"

#if !FileExists(Bundle + "\" + CliExe)
  #error dist\crm-desktop\crm-desktop.exe is missing: build the program with PyInstaller first
#endif
#ifndef AppVersion
  #define AppVersion GetFileVersionString(Bundle + "\" + CliExe)
#endif
#define AppVersionNumbers GetVersionNumbersString(Bundle + "\" + CliExe)

#if !FileExists(AddBackslash(SourcePath) + "Farsi.isl")
  #error Farsi.isl is missing beside crm-desktop.iss: see the comment at the top of this script
#endif

[Setup]
; the same AppId in every version: a new version installs over the old one
AppId={{5B0E7C1A-7F2D-4C55-9B7E-2D3F6A1C8E40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumbers}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\icon\crm-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes
; the program must not be running while its files are replaced
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fa"; MessagesFile: "Farsi.isl"

[CustomMessages]
en.ShortcutName=crm-desktop
fa.ShortcutName=مدیریت ارتباط با مشتری
en.ShortcutComment=Offline customer relationship manager
fa.ShortcutComment=نرم‌افزار آفلاین مدیریت ارتباط با مشتری
en.LaunchProgram=Start crm-desktop now
fa.LaunchProgram=اجرای برنامه پس از نصب

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an older version's libraries are not mixed with the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:ShortcutComment}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:ShortcutComment}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

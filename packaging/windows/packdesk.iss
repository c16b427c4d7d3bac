; PackDesk Windows installer: wraps the PyInstaller folder dist\PackDesk into one setup .exe.
;
; Build (on Windows, after `make package` / the pyinstaller command in packaging/README.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\packdesk.iss
; Output: dist\PackDesk-<version>-setup.exe
;
; Needs Inno Setup 6.3 or newer (6.x or 7.x); 6.5 or newer for Chinese out of the box. Simplified Chinese: Inno
; Setup ships ChineseSimplified.isl in its Languages folder as an official translation since 6.5; before that it was an
; unofficial, user-contributed file (https://jrsoftware.org/files/istrans/). This script uses the copy in the
; compiler's Languages folder, else a copy placed next to this script, else builds an English-only installer and
; says so.
;
; This file is UTF-8 with a byte-order mark (the Inno Setup IDE keeps it that way): it contains Chinese.
;
; What it does:
;   * installs per user by default (no admin prompt, into %LOCALAPPDATA%\Programs\PackDesk); the first page offers
;     "install for all users" (Program Files, needs admin), as does /ALLUSERS on the command line;
;   * Start-menu shortcuts to PackDesk.exe (the window) and to the demo shop; an optional desktop shortcut;
;   * optionally puts the install folder on PATH, so `packdesk ...` works in cmd and PowerShell: it runs
;     packdesk.com, the console build (Windows tries .COM before .EXE);
;   * never touches the data folder (%LOCALAPPDATA%\PackDesk): the order cache, print archive and settings survive
;     uninstalling and upgrading.

#define AppName "PackDesk"
#define AppPublisher "PackDesk"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\PackDesk"
#define IconFile AddBackslash(SourcePath) + "..\..\resources\icons\packdesk.ico"

#if !FileExists(DistDir + "\PackDesk.exe")
  #error dist\PackDesk\PackDesk.exe not found: build it first (see packaging/README.md).
#endif
#if !FileExists(DistDir + "\packdesk.com")
  #error dist\PackDesk\packdesk.com not found: build with packaging/packdesk.spec on Windows.
#endif

; The version comes from the VERSIONINFO the spec writes into PackDesk.exe (= pyproject.toml's version).
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\PackDesk.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #define AppVersion "0.0.0"
  #pragma message "PackDesk.exe has no ProductVersion; the installer is labelled 0.0.0."
#endif

#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #pragma message "ChineseSimplified.isl not found (Inno Setup older than 6.5?): building an English-only installer."
#endif

[Setup]
; AppId identifies PackDesk to Windows' uninstaller and to upgrades. Never change it.
AppId={{6548A44C-9B86-4FC6-97D3-7FC31013ED2F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\PackDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; PySide6 6.x (Qt 6) runs on 64-bit Windows 10 1809 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=PackDesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\PackDesk.exe
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Closes a running PackDesk (via Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no
; The PATH task changes the environment; tell running programs (Explorer, new consoles) about it.
ChangesEnvironment=yes
ShowLanguageDialog=auto
; Code signing, when a certificate is available: define a sign tool named "signtool" in the Inno Setup IDE
; (Tools > Configure Sign Tools) and uncomment:
; SignTool=signtool
; SignedUninstaller=yes

[Languages]
#ifdef ChineseIsl
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.ShortcutName=PackDesk
english.ShortcutComment=Scan-to-verify packing and waybill printing
english.DemoShortcutName=PackDesk (demo shop)
english.DemoShortcutComment=Try PackDesk on demo orders with a virtual printer
english.AddToPath=Add the &packdesk command to PATH (command line and scripts)
english.OtherTasks=Command line:
#ifdef ChineseIsl
chinesesimplified.ShortcutName=PackDesk 打包台
chinesesimplified.ShortcutComment=扫描验货、打印面单
chinesesimplified.DemoShortcutName=PackDesk 打包台（演示店铺）
chinesesimplified.DemoShortcutComment=用演示订单和虚拟打印机试用 PackDesk
chinesesimplified.AddToPath=将 packdesk 命令加入 PATH(&P)（命令行和脚本使用）
chinesesimplified.OtherTasks=命令行：
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; GroupDescription: "{cm:OtherTasks}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave the previous version's modules and DLLs behind in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\PackDesk.exe"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
Name: "{autoprograms}\{cm:DemoShortcutName}"; Filename: "{app}\PackDesk.exe"; Parameters: "gui --demo"; WorkingDir: "{app}"; Comment: "{cm:DemoShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\PackDesk.exe"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\PackDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// PATH handling: per-user installs edit the user's Path (HKCU\Environment), all-users installs the machine's.
// Entries are compared case-insensitively, added once, and removed again by the uninstaller.

function EnvRoot: Integer;
begin
  if IsAdminInstallMode then
    Result := HKEY_LOCAL_MACHINE
  else
    Result := HKEY_CURRENT_USER;
end;

function EnvKey: String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

{ Position of Dir in the ;-separated list Paths (1-based, as an index into Paths), or 0. }
function PathIndex(const Paths, Dir: String): Integer;
begin
  Result := Pos(';' + Uppercase(RemoveBackslashUnlessRoot(Dir)) + ';', ';' + Uppercase(Paths) + ';');
end;

procedure AddToPath(const Dir: String);
var
  Paths: String;
begin
  if not RegQueryStringValue(EnvRoot, EnvKey, 'Path', Paths) then
    Paths := '';
  if PathIndex(Paths, Dir) > 0 then
    Exit;
  if (Paths <> '') and (Paths[Length(Paths)] <> ';') then
    Paths := Paths + ';';
  Paths := Paths + RemoveBackslashUnlessRoot(Dir);
  if not RegWriteExpandStringValue(EnvRoot, EnvKey, 'Path', Paths) then
    Log('Could not add ' + Dir + ' to PATH');
end;

procedure RemoveFromPath(const Dir: String);
var
  Paths, Entry: String;
  P: Integer;
begin
  if not RegQueryStringValue(EnvRoot, EnvKey, 'Path', Paths) then
    Exit;
  Entry := RemoveBackslashUnlessRoot(Dir);
  P := PathIndex(Paths, Entry);
  if P = 0 then
    Exit;
  { Delete the entry together with the ';' before it, or after it when it is the first entry. }
  if P > 1 then
    Delete(Paths, P - 1, Length(Entry) + 1)
  else
    Delete(Paths, 1, Length(Entry) + 1);
  RegWriteExpandStringValue(EnvRoot, EnvKey, 'Path', Paths);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('addtopath') then
    AddToPath(ExpandConstant('{app}'));
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
end;

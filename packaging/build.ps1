# Build the one-folder bundle dist\scorm-desktop\ with PyInstaller on Windows (Linux and macOS: packaging/build.sh).
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
# Needs the repository's .venv (py -3.11 -m venv .venv; .venv\Scripts\python -m pip install -e .).
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$PyInstallerSpec = "pyinstaller>=6.22,<7"   # the same range as packaging/build.sh
$Py = Join-Path $Root ".venv\Scripts\python.exe"

if (-not (Test-Path $Py)) {
    Write-Error "No .venv in $Root. Create it with: py -3.11 -m venv .venv; .venv\Scripts\python -m pip install -e ."
    exit 1
}

# (find_spec prints nothing on stderr: Windows PowerShell 5.1 turns a native command's stderr into errors under Stop)
& $Py -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('PyInstaller') else 1)"
if ($LASTEXITCODE -ne 0) {
    Write-Host "Installing $PyInstallerSpec into .venv"
    & $Py -m pip install -q --disable-pip-version-check $PyInstallerSpec
    if ($LASTEXITCODE -ne 0) { Write-Error "pip could not install $PyInstallerSpec"; exit 1 }
}
$PyiVersion = & $Py -m PyInstaller --version
Write-Host "PyInstaller $PyiVersion"

if (-not (Test-Path "packaging\icons\scorm-desktop.ico")) {
    & $Py packaging\make_icons.py
    if ($LASTEXITCODE -ne 0) { Write-Error "make_icons.py failed"; exit 1 }
}

$Watch = [System.Diagnostics.Stopwatch]::StartNew()
& $Py -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath (Join-Path $Root "dist") --workpath (Join-Path $Root "build\pyinstaller") `
    packaging\scorm-desktop.spec
if ($LASTEXITCODE -ne 0) { Write-Error "PyInstaller failed (exit $LASTEXITCODE)"; exit $LASTEXITCODE }
$Watch.Stop()

$Bundle = Join-Path $Root "dist\scorm-desktop"
$Exe = Join-Path $Bundle "scorm-desktop.exe"
if (-not (Test-Path $Exe)) { Write-Error "The build finished but $Exe is missing"; exit 1 }

$Files = Get-ChildItem -Path $Bundle -Recurse -File
$SizeMB = [math]::Round((($Files | Measure-Object -Property Length -Sum).Sum) / 1MB)
Write-Host ("Built {0} in {1:N0} s: {2} MiB, {3} files" -f $Bundle, $Watch.Elapsed.TotalSeconds, $SizeMB, $Files.Count)

$Version = & $Exe --version
Write-Host "Check: $Version"

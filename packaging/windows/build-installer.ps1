# Build dist\scorm-desktop-<version>-setup.exe with Inno Setup from the bundle that packaging\build.ps1 made.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
# Needs Inno Setup 6 (iscc.exe on PATH or in its default folder; `choco install innosetup` on GitHub's runners).
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Set-Location $Root
if (-not (Test-Path "dist\scorm-desktop\scorm-desktop.exe")) { Write-Error "No bundle: run packaging\build.ps1 first"; exit 1 }
$Version = (Select-String -Path "scorm_desktop\__init__.py" -Pattern '^__version__ = "(.*)"').Matches[0].Groups[1].Value
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { Write-Error "Inno Setup 6 (ISCC.exe) not found"; exit 1 }
& $Iscc /Q "/DAppVersion=$Version" packaging\windows\scorm-desktop.iss
if ($LASTEXITCODE -ne 0) { Write-Error "ISCC failed (exit $LASTEXITCODE)"; exit $LASTEXITCODE }
Write-Host "Built dist\scorm-desktop-$Version-setup.exe"

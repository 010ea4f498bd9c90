# Shared by the repository scripts: strict mode, repository root, quiet .NET CLI.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIGURATION="${CONFIGURATION:-Release}"

# Builds the solution and packs Serverless.Analyzers into artifacts/feed, then drops any copy of that
# version from the samples' private package folder so they restore the fresh one.
pack_package() {
  dotnet build "$REPO_ROOT/Serverless.Analyzers.sln" -c "$CONFIGURATION" -nologo -v:q
  dotnet pack "$REPO_ROOT/nuget/Serverless.Analyzers.csproj" -c "$CONFIGURATION" --no-build -nologo -v:q
  rm -rf "$REPO_ROOT/artifacts/packages/serverless.analyzers"
}

# Native AOT links with clang and zlib; install them from Debian when missing.
ensure_native_toolchain() {
  if ! command -v clang >/dev/null 2>&1 || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
    echo "Installing clang and zlib1g-dev for Native AOT..."
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq clang zlib1g-dev >/dev/null;
    else sudo apt-get update -qq && sudo apt-get install -y -qq clang zlib1g-dev >/dev/null; fi
  fi
}

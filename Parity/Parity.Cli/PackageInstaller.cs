namespace Parity.Cli;

/// <summary>
/// The shell script that installs Debian packages as scripts/install-prerequisites.sh does: through sudo when not
/// root, and with a policy-rc.d that keeps the packages' own services from starting (Parity starts its own servers).
/// </summary>
internal static class PackageInstaller
{
    private const string Script = """
        set -eu
        sudo="$1"; shift
        $sudo apt-get update -qq
        created=""
        if [ ! -e /usr/sbin/policy-rc.d ]; then
          echo exit 101 | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d && created=yes
        fi
        status=0
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" || status=$?
        [ -z "$created" ] || $sudo rm -f /usr/sbin/policy-rc.d
        exit $status
        """;

    /// <summary>Arguments for <c>/bin/sh</c>: the script, then sudo (or nothing when root), then the packages.</summary>
    public static IReadOnlyList<string> Arguments(IEnumerable<string> packages, bool isRoot) =>
        ["-c", Script, "parity-doctor", isRoot ? "" : "sudo", .. packages];
}

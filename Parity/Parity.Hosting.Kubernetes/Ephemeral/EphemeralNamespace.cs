using System.Security.Cryptography;
using System.Text;

namespace Parity.Hosting.Kubernetes;

/// <summary>
/// The namespace of an ephemeral environment: <c>&lt;app&gt;-&lt;name&gt;</c>, made a valid Kubernetes name (RFC 1123 label:
/// lowercase letters, digits and '-', starting and ending with an alphanumeric, at most 63 characters).
/// </summary>
public static class EphemeralNamespace
{
    public const int MaxLength = 63;
    private const int HashLength = 8;

    /// <summary>
    /// <c>Feature/Long_Branch.Name</c> of app <c>store</c> → <c>store-feature-long-branch-name</c>. A name that already starts with
    /// <c>&lt;app&gt;-</c> is taken as the namespace itself, so the names <c>ps --ephemeral</c> lists work as given to <c>destroy</c>.
    /// Over 63 characters, the name is cut and ends with a hash of the whole name, so it stays unique and the same every time.
    /// </summary>
    public static string For(string appName, string name)
    {
        var app = Slug(appName);
        var slug = Slug(name);
        if (slug.Length == 0)
        {
            throw new PreconditionFailedException($"'{name}' has no letter or digit to name an ephemeral environment with.");
        }
        var full = slug.StartsWith(app + "-", StringComparison.Ordinal) ? slug : $"{app}-{slug}";
        if (full.Length <= MaxLength)
        {
            return full;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..HashLength];
        return $"{full[..(MaxLength - HashLength - 1)].TrimEnd('-')}-{hash}";
    }

    /// <summary>Lowercase; every run of other characters than ASCII letters and digits becomes one '-'; none at either end.</summary>
    public static string Slug(string value)
    {
        var slug = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }

    /// <summary>The branch checked out where the AppHost lives (<c>git rev-parse --abbrev-ref HEAD</c>), the default NAME.</summary>
    public static string CurrentBranch(string appHostDirectory)
    {
        var command = new ExternalCommand("git", ["-C", appHostDirectory, "rev-parse", "--abbrev-ref", "HEAD"]);
        var (exitCode, stdout, stderr) = command.RunCaptured();
        if (exitCode != 0)
        {
            throw new PreconditionFailedException(
                $"Give the ephemeral environment a name (--ephemeral NAME): {appHostDirectory} is not in a git repository to take the branch's name from ({stderr.Trim()}).");
        }
        var branch = stdout.Trim();
        if (branch is "HEAD" or "")
        {
            // A detached HEAD, as CI checks out a pull request: there is no branch to name the environment after.
            throw new PreconditionFailedException(
                "Give the ephemeral environment a name (--ephemeral NAME): git's HEAD is detached, so there is no branch to take the name from (in CI, e.g. pr-<number>).");
        }
        return branch;
    }
}

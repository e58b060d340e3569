using System.Security.Cryptography;
using System.Text.Json;

namespace Parity.Hosting;

/// <summary>
/// Secrets generated once per machine and AppHost (passwords of backing services nobody configured), kept in a
/// file only the owner can read, so data volumes stay usable across runs.
/// </summary>
internal sealed class GeneratedSecrets(string path)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string GetOrCreate(string name, int length)
    {
        lock (this)
        {
            var secrets = File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
            if (!secrets.TryGetValue(name, out var value))
            {
                secrets[name] = value = RandomNumberGenerator.GetString(Alphabet, length);
                OwnerOnly.Replace(path, file => JsonSerializer.Serialize(file, secrets, Indented));
            }
            return value;
        }
    }
}

/// <summary>A builder that owns the generated secrets of its AppHost (the builder itself, or a test's wrapper of it).</summary>
internal interface IGeneratedSecretsOwner
{
    GeneratedSecrets Secrets { get; }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Parity.S3.Storage;

/// <summary>Sidecar files, replaced atomically: written beside the data under a temporary name, then renamed over.</summary>
internal static class JsonFile
{
    public static void WriteAtomically<T>(string path, T value, JsonTypeInfo<T> typeInfo, string tempPath)
    {
        File.WriteAllBytes(tempPath, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        File.Move(tempPath, path, overwrite: true);
    }

    public static T? Read<T>(string path, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), typeInfo);
}

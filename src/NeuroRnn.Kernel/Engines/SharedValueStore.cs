using System.Collections.Concurrent;
using System.ComponentModel;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Hands values from the host to generated cell code (<c>#!share</c>, notebook parameters): the host stores a
/// value under a fresh key and the generated code takes it out once. Public only because generated code calls it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SharedValueStore
{
    private static readonly ConcurrentDictionary<string, object?> Values = new();

    /// <summary>Stores <paramref name="value"/> and returns the key that <see cref="Take"/> needs.</summary>
    internal static string Put(object? value)
    {
        var key = Guid.NewGuid().ToString("N");
        Values[key] = value;
        return key;
    }

    /// <summary>Removes and returns the value stored under <paramref name="key"/>.</summary>
    public static object? Take(string key) =>
        Values.TryRemove(key, out var value) ? value : throw new KeyNotFoundException($"No shared value is stored under '{key}'.");

    internal static void Discard(string key) => Values.TryRemove(key, out _);
}

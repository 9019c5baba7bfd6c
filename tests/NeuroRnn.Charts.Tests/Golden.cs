namespace NeuroRnn.Charts.Tests;

/// <summary>
/// Compares a figure's indented JSON with a committed file under Golden/. To accept new output after an intended
/// change, run the tests with UPDATE_GOLDEN=1 (the files are rewritten and those tests pass), then review the diff:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/NeuroRnn.Charts.Tests --filter "FullyQualifiedName~Golden"</c>.
/// </summary>
internal static class Golden
{
    public static void Match(string name, Figure figure) => MatchText(name, figure.ToJson(new JsonOptions { Indented = true }));

    public static void MatchText(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n") + "\n";
        var path = Path.Combine(TestPaths.GoldenDirectory, name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(TestPaths.GoldenDirectory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it, then review and commit it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            int line = 0;
            while (line < Math.Min(e.Length, a.Length) && e[line] == a[line]) line++;
            Assert.Fail($"{name}.json differs from the output at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n(run with UPDATE_GOLDEN=1 to accept intended changes)");
        }
    }
}

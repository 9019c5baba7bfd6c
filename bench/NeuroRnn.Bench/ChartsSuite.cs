namespace NeuroRnn.Bench;

internal static class ChartsSuite
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("suite not built yet");
        return 2;
    }
}

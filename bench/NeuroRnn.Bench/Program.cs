using NeuroRnn.Bench;

// One entry point, one suite per area: `dotnet run -c Release --project bench/NeuroRnn.Bench -- <suite> [options]`.
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["numerics"] = NumericsSuite.Run,
    ["hf"] = HessianFreeSuite.Run,
    ["charts"] = ChartsSuite.Run,
    ["readers"] = ReadersSuite.Run,
    ["dynamics"] = DynamicsSuite.Run,
    ["force"] = ForceSuite.Run,
    ["mante"] = ManteSuite.Run,
    ["sparse"] = SparseSuite.Run,
    ["robustness"] = RobustnessSuite.Run,
    ["multi-area"] = MultiAreaSuite.Run,
    ["v1-dale"] = V1DaleSuite.Run,
    ["v1-dale-variants"] = V1DaleVariantsSuite.Run,
    ["perturb-memory"] = PerturbMemorySuite.Run,
    ["hdf5-child"] = ReadersSuite.Hdf5Child, // one read in a fresh process, for the readers suite's peak-memory column
};
if (args.Length == 0 || !suites.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: NeuroRnn.Bench <{string.Join('|', suites.Keys)}> [options]");
    return 2;
}
return run(args[1..]);

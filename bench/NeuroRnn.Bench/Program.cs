Console.WriteLine("benchmarks being built");

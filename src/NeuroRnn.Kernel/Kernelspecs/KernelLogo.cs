namespace NeuroRnn.Kernel.Kernelspecs;

/// <summary>
/// Draws the kernel logo: a rounded square in the language's colour holding a small recurrent network (three
/// white units on a ring, linked to each other). Drawn in code so no artwork file is needed.
/// </summary>
internal static class KernelLogo
{
    private const int Supersampling = 4;

    /// <summary>The logo as a PNG of <paramref name="size"/>×<paramref name="size"/> pixels.</summary>
    public static byte[] Png(int size, (byte R, byte G, byte B) color)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        var rgba = new byte[size * size * 4];
        var units = Enumerable.Range(0, 3)
            .Select(i => (X: 0.5 + 0.24 * Math.Cos(-Math.PI / 2 + i * 2 * Math.PI / 3), Y: 0.54 + 0.24 * Math.Sin(-Math.PI / 2 + i * 2 * Math.PI / 3)))
            .ToArray();
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                double background = 0, white = 0;
                for (var sy = 0; sy < Supersampling; sy++)
                {
                    for (var sx = 0; sx < Supersampling; sx++)
                    {
                        var x = (px + (sx + 0.5) / Supersampling) / size;
                        var y = (py + (sy + 0.5) / Supersampling) / size;
                        if (!InsideRoundedSquare(x, y, 0.2))
                        {
                            continue;
                        }

                        background++;
                        if (OnNetwork(x, y, units))
                        {
                            white++;
                        }
                    }
                }

                var samples = (double)(Supersampling * Supersampling);
                var alpha = background / samples;
                var whiteShare = background > 0 ? white / background : 0;
                var offset = (py * size + px) * 4;
                rgba[offset] = Mix(color.R, whiteShare);
                rgba[offset + 1] = Mix(color.G, whiteShare);
                rgba[offset + 2] = Mix(color.B, whiteShare);
                rgba[offset + 3] = (byte)Math.Round(alpha * 255);
            }
        }

        return PngEncoder.Encode(size, size, rgba);
    }

    private static byte Mix(byte channel, double whiteShare) => (byte)Math.Round(channel + (255 - channel) * whiteShare);

    private static bool InsideRoundedSquare(double x, double y, double radius)
    {
        var dx = Math.Max(Math.Max(radius - x, x - (1 - radius)), 0);
        var dy = Math.Max(Math.Max(radius - y, y - (1 - radius)), 0);
        return dx * dx + dy * dy <= radius * radius;
    }

    private static bool OnNetwork(double x, double y, (double X, double Y)[] units)
    {
        foreach (var (ux, uy) in units)
        {
            if ((x - ux) * (x - ux) + (y - uy) * (y - uy) <= 0.1 * 0.1)
            {
                return true;
            }
        }

        for (var i = 0; i < units.Length; i++)
        {
            var a = units[i];
            var b = units[(i + 1) % units.Length];
            if (DistanceToSegment(x, y, a, b) <= 0.035)
            {
                return true;
            }
        }

        return false;
    }

    private static double DistanceToSegment(double x, double y, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var t = Math.Clamp(((x - a.X) * dx + (y - a.Y) * dy) / (dx * dx + dy * dy), 0, 1);
        var (cx, cy) = (a.X + t * dx - x, a.Y + t * dy - y);
        return Math.Sqrt(cx * cx + cy * cy);
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Kernelspecs;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class KernelspecInstallerTests
{
    [Fact]
    public void Install_WritesBothKernelspecsWithMessageInterruptsAndLogos()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"neurornn-spec-{Guid.NewGuid():N}");
        try
        {
            var written = KernelspecInstaller.Install(new KernelspecInstallOptions { Prefix = prefix, Launcher = ["/usr/bin/dotnet", "/opt/n/neurornn.dll"] });
            Assert.Equal(2, written.Count);
            foreach (var (language, display) in new[] { ("csharp", "C# (NeuroRnn)"), ("fsharp", "F# (NeuroRnn)") })
            {
                var directory = Path.Combine(prefix, "share", "jupyter", "kernels", $"neurornn-{language}");
                Assert.Contains(directory, written);
                var json = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "kernel.json")))!.AsObject();
                Assert.Equal(
                    ["/usr/bin/dotnet", "/opt/n/neurornn.dll", "kernel", "start", "-f", "{connection_file}", "--language", language],
                    json["argv"]!.AsArray().Select(n => n!.GetValue<string>()));
                Assert.Equal(display, json["display_name"]!.GetValue<string>());
                Assert.Equal(language, json["language"]!.GetValue<string>());
                Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
                AssertPng(Path.Combine(directory, "logo-32x32.png"), 32);
                AssertPng(Path.Combine(directory, "logo-64x64.png"), 64);
            }
        }
        finally
        {
            if (Directory.Exists(prefix))
            {
                Directory.Delete(prefix, true);
            }
        }
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("")]
    [InlineData("x/y")]
    public void Install_RejectsInvalidNames(string name)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            KernelspecInstaller.Install(new KernelspecInstallOptions { Prefix = Path.GetTempPath(), Name = name, Launcher = ["x"] }));
        Assert.Contains("Kernel name", error.Message);
    }

    [Fact]
    public void Install_RejectsUnknownLanguage()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            KernelspecInstaller.Install(new KernelspecInstallOptions { Prefix = Path.GetTempPath(), Languages = ["cobol"], Launcher = ["x"] }));
        Assert.Contains("cobol", error.Message);
    }

    [Fact]
    public void KernelsDirectory_UsesPrefixLayout()
    {
        Assert.Equal(Path.Combine("/opt/env", "share", "jupyter", "kernels"), KernelspecInstaller.KernelsDirectory("/opt/env"));
    }

    /// <summary>Checks the PNG structure: signature, IHDR size, every chunk CRC, and that IDAT inflates to the pixels.</summary>
    private static void AssertPng(string path, int size)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        var offset = 8;
        var chunks = new List<string>();
        using var idat = new MemoryStream();
        while (offset < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32(bytes.AsSpan(offset + 4, 4 + length)), crc);
            if (type == "IHDR")
            {
                Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(data));
                Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(data[4..]));
            }

            if (type == "IDAT")
            {
                idat.Write(data);
            }

            chunks.Add(type);
            offset += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var pixels = inflated.ToArray();
        Assert.Equal(size * (1 + size * 4), pixels.Length);
        // The corner is transparent (rounded), the centre opaque.
        Assert.Equal(0, pixels[1 + 3]);
        var centre = size / 2 * (1 + size * 4) + 1 + size / 2 * 4;
        Assert.Equal(255, pixels[centre + 3]);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}

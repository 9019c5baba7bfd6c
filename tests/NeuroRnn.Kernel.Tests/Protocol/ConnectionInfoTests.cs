using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class ConnectionInfoTests
{
    private const string Valid = """
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "neurornn-csharp"}
        """;

    [Fact]
    public void Parse_ReadsEveryField()
    {
        var info = ConnectionInfo.Parse(Valid, "conn.json");
        Assert.Equal(new ConnectionInfo("tcp", "127.0.0.1", 5001, 5004, 5002, 5003, 5005, "abc", "hmac-sha256"), info);
        Assert.Equal("tcp://127.0.0.1:5001", info.Endpoint(info.ShellPort));
    }

    [Fact]
    public void Endpoint_BracketsIPv6AndFormatsIpc()
    {
        Assert.Equal("tcp://[::1]:7", (ConnectionInfo.Parse(Valid, "c") with { IP = "::1" }).Endpoint(7));
        Assert.Equal("ipc:///tmp/k-7", (ConnectionInfo.Parse(Valid, "c") with { Transport = "ipc", IP = "/tmp/k" }).Endpoint(7));
    }

    [Theory]
    [InlineData("\"hb_port\": 5005", "", "hb_port", "missing")]
    [InlineData("\"hb_port\": 5005", "\"hb_port\": \"x\"", "hb_port", "integer")]
    [InlineData("\"hb_port\": 5005", "\"hb_port\": 70000", "hb_port", "70000")]
    [InlineData("\"transport\": \"tcp\"", "\"transport\": \"udp\"", "transport", "udp")]
    [InlineData("\"hmac-sha256\"", "\"hmac-md5\"", "signature_scheme", "hmac-md5")]
    [InlineData("\"key\": \"abc\"", "\"key\": 5", "key", "string")]
    public void Parse_BadField_NamesFileAndField(string find, string replace, string field, string detail)
    {
        var json = Valid.Replace(find + (replace.Length == 0 ? "," : string.Empty), replace);
        var error = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse(json, "/tmp/conn.json"));
        Assert.Contains("/tmp/conn.json", error.Message);
        Assert.Contains($"\"{field}\"", error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Parse_NotJson_NamesFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("{oops", "bad.json"));
        Assert.Contains("bad.json", error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        var error = Assert.Throws<FileNotFoundException>(() => ConnectionInfo.Load(path));
        Assert.Contains(path, error.Message);
    }
}

namespace Industry.Cli.UnitTests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TokenStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "industry-cli-" + Guid.NewGuid().ToString("N"), "config");

    private readonly Dictionary<string, string?> _environment = [];

    public TokenStoreTests() => _environment[TokenStore.FolderVariable] = _folder;

    private TokenStore Store => new(name => _environment.GetValueOrDefault(name));

    [Fact]
    public void Save_CreatesAFolderAndFileOnlyTheOwnerCanRead()
    {
        var path = Store.Save("a.b.c");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        Assert.Equal("a.b.c", Store.Load());
    }

    [Fact]
    public void Save_OverAFileOthersCouldRead_LeavesAnOwnerOnlyFile()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Store.TokenPath, "old");
        File.SetUnixFileMode(Store.TokenPath, (UnixFileMode)0b110_100_100); // 0644

        Store.Save("new.token.x");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Store.TokenPath));
        Assert.Equal("new.token.x", Store.Load());
    }

    [Fact]
    public void Load_PrefersTheEnvironmentVariable()
    {
        Store.Save("stored.token.x");
        _environment[TokenStore.TokenVariable] = " from.env.x\n";

        Assert.Equal("from.env.x", Store.Load());
    }

    [Fact]
    public void Require_WithoutToken_IsExitCode2()
    {
        var error = Assert.Throws<CliException>(() => Store.Require(Texts.CliLanguage.English));

        Assert.Equal(ExitCodes.Auth, error.ExitCode);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

using Industry.Cli.Texts;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Industry.Cli;

/// <summary>
/// The signed-in token, in <c>industry/token</c> under the user's configuration folder (<c>$XDG_CONFIG_HOME</c>, else
/// <c>~/.config</c>; <c>INDUSTRY_CONFIG_DIR</c> overrides the whole folder), readable by the user only (file 0600, folder
/// 0700) like an SSH key. <c>INDUSTRY_TOKEN</c> takes precedence over the file, for scripts and CI.
/// </summary>
internal sealed class TokenStore(Func<string, string?> environment)
{
    public const string TokenVariable = "INDUSTRY_TOKEN";

    public const string FolderVariable = "INDUSTRY_CONFIG_DIR";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Folder => environment(FolderVariable) is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "industry");

    public string TokenPath => Path.Combine(Folder, "token");

    /// <summary>Writes <paramref name="token"/> to a new file created 0600 and moves it into place, so no moment exists in which another user could read it.</summary>
    public string Save(string token)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, OwnerOnlyFolder);
        }

        var temporary = TokenPath + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(token);
        }

        File.Move(temporary, TokenPath, overwrite: true);
        return TokenPath;
    }

    /// <summary>The token to send: <c>INDUSTRY_TOKEN</c>, else the stored one, else <see langword="null"/>.</summary>
    public string? Load()
    {
        if (environment(TokenVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment.Trim();
        }

        return File.Exists(TokenPath) ? File.ReadAllText(TokenPath).Trim() : null;
    }

    /// <summary>The token, or exit code 2 telling the user to sign in.</summary>
    public string Require(CliLanguage language) => Load() ?? throw new CliException(
        ExitCodes.Auth,
        language.Text("Not signed in: run `industry login --dev` (development) or `industry login --token <TOKEN>`.", "尚未登录：请运行 `industry login --dev`（开发环境）或 `industry login --token <令牌>`。"),
        "NOT_SIGNED_IN");

    /// <summary>Reads the token's claims without checking its signature (the gateway checks it); exit code 2 for text that is no JWT.</summary>
    public static JsonWebToken Decode(string token, CliLanguage language)
    {
        try
        {
            return new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            throw new CliException(ExitCodes.Auth, language.Text("The stored token is not a JSON Web Token; sign in again.", "保存的令牌不是有效的 JWT，请重新登录。"), "TOKEN_MALFORMED");
        }
    }
}

using System.Security.Cryptography;

namespace Liaison.Cli.Node;

/// <summary>
/// One random secret per partner (32 bytes, <c>keys/partners/CODE.secret</c>, readable by the owner only): it keys
/// the partner's released ids and source pseudonyms, so they are stable for that partner and unlinkable across
/// partners. It never leaves the node.
/// </summary>
internal sealed class PartnerSecrets(NodeHome home)
{
    private const int Length = 32;

    private string DirectoryPath => Path.Combine(home.KeysDirectory, "partners");

    /// <summary>The person-match key agreed with the partner, or null when none is.</summary>
    public byte[]? MatchKey(string code)
    {
        var path = MatchKeyPath(code);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>Keeps the person-match key agreed with the partner (both sides hold the same one), replacing any earlier.</summary>
    public void SetMatchKey(string code, ReadOnlySpan<byte> key)
    {
        CreateDirectory();
        var path = MatchKeyPath(code);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private string MatchKeyPath(string code) => Path.Combine(DirectoryPath, code + ".match");

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DirectoryPath);
        }
        else
        {
            Directory.CreateDirectory(DirectoryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The partner's secret, created on first use.</summary>
    public byte[] For(string code)
    {
        var path = Path.Combine(DirectoryPath, code + ".secret");
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            return existing.Length == Length
                ? existing
                : throw new CliException(ExitCodes.NodeError, $"{path} holds {existing.Length} bytes, not {Length}: the partner secret is damaged; restore it from a backup");
        }

        CreateDirectory();
        var secret = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(secret);
            stream.Flush(flushToDisk: true);
        }

        return secret;
    }
}

using System.Text;
using Liaison.Core.Crypto;

namespace Liaison.Core.Tests.Crypto;

public sealed class NodeKeyTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("checkpoint: tree size 42");

    [Fact]
    public void An_exported_key_imports_to_the_same_key()
    {
        using var key = NodeKey.Generate();
        using var again = NodeKey.Import(key.ExportPrivateKey());

        Assert.Equal(key.PublicKeyBase64, again.PublicKeyBase64);
        Assert.True(NodeKey.Verify(key.PublicKeyBase64, Message, again.Sign(Message)));
    }

    [Fact]
    public void A_signature_verifies_only_for_its_data_and_its_key()
    {
        using var key = NodeKey.Generate();
        using var other = NodeKey.Generate();
        var signature = key.Sign(Message);

        Assert.Equal(64, signature.Length);
        Assert.Equal(32, Convert.FromBase64String(key.PublicKeyBase64).Length);
        Assert.True(NodeKey.Verify(key.PublicKeyBase64, Message, signature));
        Assert.False(NodeKey.Verify(other.PublicKeyBase64, Message, signature));
        var tampered = (byte[])Message.Clone();
        tampered[^1] ^= 1;
        Assert.False(NodeKey.Verify(key.PublicKeyBase64, tampered, signature));
        signature[0] ^= 1;
        Assert.False(NodeKey.Verify(key.PublicKeyBase64, Message, signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_malformed_public_key_never_verifies(string publicKey)
    {
        using var key = NodeKey.Generate();

        Assert.False(NodeKey.Verify(publicKey, Message, key.Sign(Message)));
    }

    [Fact]
    public void Importing_something_that_is_not_a_key_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => NodeKey.Import(Encoding.UTF8.GetBytes("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")));
    }

    [Fact]
    public void The_private_key_export_is_pkcs8_pem_text()
    {
        using var key = NodeKey.Generate();
        var pem = Encoding.ASCII.GetString(key.ExportPrivateKey());

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.Contains("-----END PRIVATE KEY-----", pem, StringComparison.Ordinal);
    }
}

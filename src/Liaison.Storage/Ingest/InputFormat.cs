namespace Liaison.Storage.Ingest;

/// <summary>How an input is laid out.</summary>
public enum InputFormat
{
    /// <summary>A STIX bundle: <c>{"type": "bundle", "objects": [...]}</c>.</summary>
    Bundle,

    /// <summary>One STIX object per line.</summary>
    JsonLines,
}

namespace Liaison.Core.Deconfliction;

/// <summary>Why a geometry is not a valid area, and where in its GeoJSON coordinates.</summary>
/// <param name="CoordinatesPath">A JSON path suffix relative to <c>coordinates</c> (e.g. <c>[0][3]</c>; empty for the whole).</param>
/// <param name="Reason">What is wrong, in plain words.</param>
public sealed record AreaError(string CoordinatesPath, string Reason);

global using Ratchet.Common;

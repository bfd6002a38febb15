/** File-system steps the engine's parts share. Not API: the module does not export it. */
package dev.crawler.io;

import type { INodePropertyOptions } from 'n8n-workflow';

/** Common MIME types of inbound media, with the file extensions that unambiguously mean them. */
const MEDIA_TYPES: Array<{ mime: string; label: string; extensions: string[] }> = [
	{ mime: 'image/jpeg', label: 'JPEG Image', extensions: ['jpg', 'jpeg'] },
	{ mime: 'image/png', label: 'PNG Image', extensions: ['png'] },
	{ mime: 'image/gif', label: 'GIF Image', extensions: ['gif'] },
	{ mime: 'image/webp', label: 'WebP Image', extensions: ['webp'] },
	{ mime: 'video/mp4', label: 'MP4 Video', extensions: ['mp4', 'm4v'] },
	{ mime: 'video/quicktime', label: 'QuickTime Video', extensions: ['mov'] },
	{ mime: 'video/3gpp', label: '3GPP Video', extensions: ['3gp'] },
	{ mime: 'video/webm', label: 'WebM Video', extensions: ['webm'] },
	{ mime: 'audio/mpeg', label: 'MP3 Audio', extensions: ['mp3'] },
	{ mime: 'audio/mp4', label: 'M4A Audio', extensions: ['m4a'] },
	{ mime: 'audio/amr', label: 'AMR Audio', extensions: ['amr'] },
	{ mime: 'audio/wav', label: 'WAV Audio', extensions: ['wav'] },
	{ mime: 'audio/ogg', label: 'Ogg Audio', extensions: [] },
	{ mime: 'application/pdf', label: 'PDF Document', extensions: ['pdf'] },
	{ mime: 'application/msword', label: 'Word Document (.doc)', extensions: ['doc'] },
	{
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		label: 'Word Document (.docx)',
		extensions: ['docx'],
	},
	{ mime: 'application/vnd.ms-excel', label: 'Excel Spreadsheet (.xls)', extensions: ['xls'] },
	{
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		label: 'Excel Spreadsheet (.xlsx)',
		extensions: ['xlsx'],
	},
	{ mime: 'text/plain', label: 'Plain Text', extensions: ['txt'] },
	{ mime: 'text/csv', label: 'CSV', extensions: ['csv'] },
	{ mime: 'text/vcard', label: 'vCard Contact', extensions: ['vcf'] },
	{ mime: 'application/zip', label: 'ZIP Archive', extensions: ['zip'] },
];

export const mediaTypeOptions: INodePropertyOptions[] = [
	{ name: 'Infer From the URL', value: '', description: 'Use the file extension of the Media URL' },
	...MEDIA_TYPES.map(({ mime, label }) => ({ name: `${label} (${mime})`, value: mime })),
];

const BY_EXTENSION = new Map(MEDIA_TYPES.flatMap(({ mime, extensions }) => extensions.map((ext) => [ext, mime])));

/** The MIME type a URL's file extension stands for, when it stands for exactly one (.ogg does not). */
export function mediaTypeFromUrl(url: string): string | undefined {
	const pathname = new URL(url).pathname;
	const match = /\.([a-z0-9]+)$/i.exec(pathname);
	return match ? BY_EXTENSION.get(match[1].toLowerCase()) : undefined;
}

import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { IdParam, notFound } from '../../../shared/problems';
import { DELIVERIES_CHANNEL, mutate, NOTIFY_SCHEMA } from '../../../shared/queryable';
import { DeliveryWorker } from '../../worker/delivery.worker';
import {
  DELIVERY_SELECT,
  DeliveryResponseDto,
  DeliveryRow,
  toDeliveryDto,
} from '../../delivery.response.dto';

@ApiTags('notify: deliveries')
@Controller('api/v1/notify/deliveries')
export class RetryDeliveryHttpController {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource,
    private readonly worker: DeliveryWorker,
  ) {}

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin', 'committee')
  @ApiOperation({
    summary:
      'Queue a failed delivery again, with a fresh round of attempts (e.g. after fixing the robot URL)',
  })
  @ApiOkResponse({ type: DeliveryResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such delivery' })
  @ApiConflictResponse({
    description: 'only a failed delivery can be retried (it is pending, delivered or cancelled)',
  })
  async retry(@IdParam() id: string): Promise<DeliveryResponseDto> {
    const updated: unknown[] = await this.ds.transaction(async (m) => {
      const rows = await mutate(
        m,
        `UPDATE notify.deliveries d SET status = 'pending', attempts = 0, next_attempt_at = now()
          FROM notify.subscriptions s
         WHERE d.id = $1 AND d.status = 'failed' AND s.id = d.subscription_id AND s.deleted_at IS NULL RETURNING d.id`,
        [id],
      );
      if (rows.length) await m.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, '1']);
      return rows;
    });
    const [row]: DeliveryRow[] = await this.ds.query(`${DELIVERY_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw notFound('delivery', id);
    if (!updated.length) {
      throw new DomainError(
        'conflict',
        `delivery ${id} is ${row.status}; only a failed delivery of a live subscription can be retried`,
        { deliveryStatus: row.status },
      );
    }
    this.worker.wake();
    return toDeliveryDto(row);
  }
}

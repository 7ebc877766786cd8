import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_attempt')
@Index(['username', 'at'])
// throttling counts the failures of one client address
@Index('IDX_login_attempt_ip_at', ['ip', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip: string;

  @Column({ type: 'boolean' })
  success: boolean;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
